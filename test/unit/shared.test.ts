import { describe, expect, it } from 'vitest'
import {
  ApiClientError,
  createApiClient,
  fieldErrorsOf,
  fillPath,
  formatShanghaiDate,
  formatShanghaiDateCn,
  formatShanghaiDateTime,
  PILOT_DOMAINS,
  PUSH_THEMES,
  toShanghaiParts,
  TOPICS,
  z,
  type Transport,
} from '@zw/shared'

describe('validation messages', () => {
  it('are per field and in Chinese', () => {
    const schema = z.object({ title: z.string().min(2), pages: z.number().int().positive(), materials: z.array(z.object({ name: z.string() })) })
    const result = schema.safeParse({ title: 'a', pages: -1, materials: [{ name: 3 }] })
    expect(result.success).toBe(false)
    const fields = fieldErrorsOf(result.error!)
    expect(fields.map((f) => f.path)).toEqual(['title', 'pages', 'materials.0.name'])
    for (const f of fields) expect(f.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('topic catalogue', () => {
  it('holds the 26 pilot domains of xinxiang-2020 and the push themes, each code once', () => {
    expect(PILOT_DOMAINS).toHaveLength(26)
    expect(new Set(TOPICS.map((t) => t.code)).size).toBe(TOPICS.length)
    expect(TOPICS.filter((t) => t.pilotDomain)).toHaveLength(26)
    expect(TOPICS.filter((t) => t.pushTheme)).toHaveLength(PUSH_THEMES.length)
    const land = TOPICS.find((t) => t.name === '征地补偿')!
    expect(land).toMatchObject({ pilotDomain: true, pushTheme: true })
    expect(TOPICS.find((t) => t.name === '就业创业补贴')).toMatchObject({ pilotDomain: false, pushTheme: true })
  })
})

describe('Asia/Shanghai clock', () => {
  it('shows a UTC instant as Beijing time, across the date line', () => {
    expect(formatShanghaiDateTime('2026-11-21T19:56:00Z')).toBe('2026-11-22 03:56')
    expect(formatShanghaiDateCn('2026-12-31T16:00:00Z')).toBe('2027年1月1日')
    expect(toShanghaiParts('2026-11-22T15:59:59Z').weekday).toBe(7) // Sunday 23:59:59 in Beijing
    expect(toShanghaiParts('2026-11-22T16:00:00Z').weekday).toBe(1) // Monday 00:00
  })

  it('refuses an invalid instant', () => {
    expect(() => toShanghaiParts('not a date')).toThrow(RangeError)
  })
})

describe('fillPath', () => {
  it('encodes path parameters and refuses a missing one', () => {
    expect(fillPath('/api/v1/policies/{id}', { id: 'a b/c' })).toBe('/api/v1/policies/a%20b%2Fc')
    expect(() => fillPath('/api/v1/policies/{id}', {})).toThrow(/id/)
  })
})

describe('typed API client', () => {
  const site = { name: '政务公开', description: 'd', serverTime: '2026-11-21T00:00:00.000Z', timezone: 'Asia/Shanghai', topics: [] }
  const clientAnswering = (status: number, data: unknown) => {
    const seen: Parameters<Transport>[0][] = []
    const transport: Transport = async (req) => {
      seen.push(req)
      return { status, data }
    }
    return { api: createApiClient({ baseUrl: 'http://x', transport, headers: () => ({ authorization: 'Bearer t' }) }), seen }
  }

  it('calls the contract path and returns the parsed answer', async () => {
    const { api, seen } = clientAnswering(200, site)
    await expect(api.call('getSite', {})).resolves.toEqual(site)
    expect(seen[0]).toMatchObject({ method: 'GET', url: 'http://x/api/v1/site', headers: { authorization: 'Bearer t' } })
  })

  it('turns an error answer into ApiClientError with code, Chinese message and fields', async () => {
    const { api } = clientAnswering(400, { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误', details: { fields: [{ path: 'title', message: '不能为空' }] } } })
    const err = await api.call('getSite', {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiClientError)
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '提交的内容有误', fields: [{ path: 'title', message: '不能为空' }] })
  })

  it('refuses an answer that drifted from the contract', async () => {
    const { api } = clientAnswering(200, { ...site, topics: 'none' })
    await expect(api.call('getSite', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' })
  })

  it('reports a network failure plainly', async () => {
    const api = createApiClient({ baseUrl: 'http://x', transport: async () => { throw new Error('ECONNRESET') } })
    await expect(api.call('getSite', {})).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringMatching(/网络/) })
  })
})

describe('formatShanghaiDate', () => {
  it('gives the Beijing calendar date of an instant', () => {
    expect(formatShanghaiDate('2026-11-21T16:00:00Z')).toBe('2026-11-22')
    expect(formatShanghaiDate('2026-11-21T15:59:59Z')).toBe('2026-11-21')
  })
})

describe('Beijing wall-clock times', () => {
  it('parse to the UTC instant they name, and refuse what is not a real time', async () => {
    const { parseShanghaiDateTime, formatShanghaiDateTime } = await import('@zw/shared')
    expect(parseShanghaiDateTime('2026-11-22 09:30')!.toISOString()).toBe('2026-11-22T01:30:00.000Z')
    expect(parseShanghaiDateTime('2026-01-01 00:15')!.toISOString()).toBe('2025-12-31T16:15:00.000Z')
    expect(formatShanghaiDateTime(parseShanghaiDateTime('2026-11-22 23:59')!)).toBe('2026-11-22 23:59')
    for (const bad of ['2026-02-30 10:00', '2026-11-22 24:00', '2026-11-22', '明天上午', '2026-11-22 9:30']) expect(parseShanghaiDateTime(bad)).toBeUndefined()
  })
})
