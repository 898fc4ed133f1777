import { describe, expect, it } from 'vitest'
import { ApiClientError } from '@zw/shared'
import { errorMessage, fieldName } from '../../miniapp/src/lib/errors'

describe('what the workbench says about a refused draft', () => {
  it('names the field a person knows, whatever list row it is in', () => {
    expect(fieldName('body.guide.materials.2.name')).toBe('材料名称')
    expect(fieldName('body.interpretation.qa.0.a')).toBe('问答的回答')
    expect(fieldName('body.title')).toBe('标题')
    expect(fieldName('guide.place')).toBe('办理地点') // as the server names it
    expect(fieldName('body.checklist.wording')).toBeUndefined()
  })

  it('puts the field before the message, and leaves messages of other fields as they are', () => {
    const refused = (path: string, message: string) => new ApiClientError(400, 'VALIDATION_FAILED', '请求参数不正确', [{ path, message }])
    expect(errorMessage(refused('body.guide.place', '不能为空'))).toBe('办理地点：不能为空')
    expect(errorMessage(refused('body.checklist.wording', '请确认已把好文字关'))).toBe('请确认已把好文字关')
    expect(errorMessage(new ApiClientError(409, 'CONFLICT', '稿件状态已被他人改变'))).toBe('稿件状态已被他人改变')
  })
})
