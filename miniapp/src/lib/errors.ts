import { ApiClientError } from '@zw/shared'

/**
 * The Chinese sentence to show for a failed call: the first field message of a
 * validation error (it says what to change), else the server's message.
 */
export function errorMessage(err: unknown, fallback = '加载失败，请稍后再试'): string {
  if (err instanceof ApiClientError) {
    if (err.code === 'VALIDATION_FAILED' && err.fields[0]?.message) {
      const where = fieldName(err.fields[0].path)
      return where ? `${where}：${err.fields[0].message}` : err.fields[0].message
    }
    return err.message || fallback
  }
  return fallback
}

/** Form fields by their path in a draft (list indices dropped), as the forms label them. */
const DRAFT_FIELDS: Record<string, string> = {
  title: '标题',
  summary: '摘要',
  body: '正文',
  topics: '主题分类',
  regions: '适用地区',
  'policy.writtenOn': '成文日期',
  'policy.issuer': '发布机构',
  'policy.docNumber': '文号',
  attachments: '附件',
  'interpretation.policyIds': '解读的政策文件',
  'interpretation.qa.q': '问答的问题',
  'interpretation.qa.a': '问答的回答',
  'guide.legalBasis': '设定依据',
  'guide.conditions': '申办条件',
  'guide.materials.name': '材料名称',
  'guide.steps.title': '办理步骤',
  'guide.steps.description': '办理步骤说明',
  'guide.place': '办理地点',
  'guide.hours': '办理时间',
  'guide.phone': '咨询电话',
  'guide.fee.standard': '收费标准',
  'guide.fee.basis': '收费依据',
  'guide.faq.q': '常见问题',
  'guide.faq.a': '常见问题的回答',
  'guide.complaintPhone': '监督投诉电话',
}

/** The name a person knows a draft field by, from its path (`body.guide.materials.0.name` → 材料名称). */
export function fieldName(path: string): string | undefined {
  const key = path.replace(/^body\./, '').replace(/\.\d+(?=\.|$)/g, '')
  return DRAFT_FIELDS[key]
}

/** What the server said about each field of a refused form (first message per field); `other` for the rest. */
export function fieldMessages(err: unknown): Record<string, string> {
  if (err instanceof ApiClientError && err.code === 'VALIDATION_FAILED' && err.fields.length) {
    const out: Record<string, string> = {}
    for (const f of err.fields) out[f.path] ??= f.message
    return out
  }
  return { other: err instanceof ApiClientError ? err.message : '提交失败，请稍后再试' }
}
