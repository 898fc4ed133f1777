import { describe, expect, it } from 'vitest'
import mongoose from 'mongoose'
import { toAppError } from '../../server/src/platform/http/errorHandler'
import { AppError, ValidationError } from '../../server/src/platform/errors'
import { routerPath } from '../../server/src/platform/http/endpoints'
import { redactUri } from '../../server/src/platform/logger'

describe('toAppError: one place maps failures to HTTP', () => {
  it('keeps typed errors as they are', () => {
    const e = new ValidationError([{ path: 'title', message: '不能为空' }])
    expect(toAppError(e, '1mb')).toBe(e)
    expect(e.status).toBe(400)
  })

  it.each([
    [{ status: 400, type: 'entity.parse.failed' }, 'MALFORMED_JSON', 400],
    [{ status: 413, type: 'entity.too.large' }, 'PAYLOAD_TOO_LARGE', 413],
    [{ status: 415, type: 'charset.unsupported' }, 'UNSUPPORTED_MEDIA_TYPE', 415],
    [{ status: 405 }, 'METHOD_NOT_ALLOWED', 405],
    [{ code: 11000, message: 'E11000 duplicate key' }, 'CONFLICT', 409],
    [new Error('anything else'), 'INTERNAL', 500],
  ])('%o → %s', (input, code, status) => {
    const mapped = toAppError(input, '1mb')
    expect(mapped).toBeInstanceOf(AppError)
    expect(mapped.code).toBe(code)
    expect(mapped.status).toBe(status)
  })

  it('maps a lost database to 503', () => {
    const err = new mongoose.Error.MongooseServerSelectionError('connect ECONNREFUSED 127.0.0.1:1')
    expect(toAppError(err, '1mb').code).toBe('SERVICE_UNAVAILABLE')
  })

  it('maps a mongoose validation error to per-field 400', () => {
    const Probe = mongoose.model('ErrorMappingProbe', new mongoose.Schema({ title: { type: String, required: [true, '标题不能为空'] } }))
    const err = new Probe({}).validateSync()!
    const mapped = toAppError(err, '1mb') as ValidationError
    expect(mapped.code).toBe('VALIDATION_FAILED')
    expect(mapped.fields).toEqual([{ path: 'title', message: '标题不能为空' }])
  })
})

describe('small helpers', () => {
  it('routerPath turns OpenAPI placeholders into router params', () => {
    expect(routerPath('/api/v1/policies/{id}/editions/{n}')).toBe('/api/v1/policies/:id/editions/:n')
  })
  it('redactUri hides credentials', () => {
    expect(redactUri('mongodb://u:p@h1,h2/db?replicaSet=rs0')).toBe('mongodb://***@h1,h2/db?replicaSet=rs0')
    expect(redactUri('mongodb://h/db')).toBe('mongodb://h/db')
  })
})
