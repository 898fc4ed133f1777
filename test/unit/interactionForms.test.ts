import { describe, expect, it } from 'vitest'
import { consultationBodySchema, fieldErrorsOf, residentIdCheckChar, type StaffConsultation } from '@zw/shared'
import { blankMessage, consultationWhen, messageBody, typingWarning } from '../../miniapp/src/interaction/lib/forms'
import { consultationForm, messageStepBody } from '../../miniapp/src/workbench/lib/interactionForm'
import { linkTarget } from '../../miniapp/src/lib/inbox'

describe('写留言 (citizens)', () => {
  it('warns while typing about numbers that will be hidden, only when the writer agrees to publish', () => {
    const first17 = '52010219800101123'
    const form = { ...blankMessage(), title: '咨询', text: `我的电话是 13800138000，身份证 ${first17}${residentIdCheckChar(first17)}` }
    expect(typingWarning(form, new Date('2026-11-20'))).toBe('内容中有手机号码、身份证号码。公开时这些号码会被隐去（只显示部分数字），工作人员办理时可以看到。')
    expect(typingWarning({ ...form, public: false })).toBeNull()
    expect(typingWarning({ ...form, text: '请问补贴什么时候发？' })).toBeNull()
  })
  it('sends the item only when it is an item id', () => {
    expect(messageBody(blankMessage(), '0123456789abcdef01234567').itemId).toBe('0123456789abcdef01234567')
    expect(messageBody(blankMessage(), 'undefined').itemId).toBeNull()
    expect(messageBody(blankMessage()).itemId).toBeNull()
  })
  it('says when a consultation runs, by its status', () => {
    const c = { startAtText: '2026-12-01 09:00', endAtText: '2026-12-10 18:00' }
    expect(consultationWhen({ ...c, status: 'scheduled' })).toBe('2026-12-01 09:00 开始征集')
    expect(consultationWhen({ ...c, status: 'open' })).toBe('征集至 2026-12-10 18:00')
    expect(consultationWhen({ ...c, status: 'reported' })).toBe('2026-12-01 09:00 至 2026-12-10 18:00')
  })
  it('opens notices about messages and consultations in their subpackage, never the workbench', () => {
    expect(linkTarget('interaction/pages/message/index?id=abc&d=x')).toEqual({ kind: 'page', url: '/interaction/pages/message/index?id=abc&d=x' })
    expect(linkTarget('/disclosure/pages/detail/index?id=1')).toEqual({ kind: 'page', url: '/disclosure/pages/detail/index?id=1' })
    expect(linkTarget('/workbench/pages/message/index?id=1')).toBeNull()
  })
})

describe('互动交流 in the workbench', () => {
  it('builds the body of each step from what was typed', () => {
    expect(messageStepBody('reply', { text: '  答复内容。 ' })).toEqual({ action: 'reply', text: '答复内容。' })
    expect(messageStepBody('assign', { assigneeId: 'abc' })).toEqual({ action: 'assign', assigneeId: 'abc' })
    expect(messageStepBody('approveReply', { text: 'ignored' })).toEqual({ action: 'approveReply' })
    expect(messageStepBody('markNotPublic', {})).toEqual({ action: 'markNotPublic', reason: '' })
  })
  it('shows a stored draft in Beijing time and sends it back as it stands, its uploaded files included', () => {
    const file = { name: '征求意见稿.pdf', url: `/api/v1/files/${'a'.repeat(64)}.pdf`, mime: 'application/pdf', size: 2048 }
    const stored = { title: '草案标题', background: '起草背景和说明文字。', draftText: '征求意见稿全文文字。', attachments: [file], startAt: '2026-12-01T01:00:00.000Z', endAt: '2026-12-10T10:00:00.000Z' } as StaffConsultation
    const form = consultationForm(stored)
    expect(form).toEqual({ title: '草案标题', background: '起草背景和说明文字。', draftText: '征求意见稿全文文字。', attachments: [file], startAt: '2026-12-01 09:00', endAt: '2026-12-10 18:00' })
    expect(consultationBodySchema.parse(form).attachments).toEqual([file])
    expect(consultationForm()).toMatchObject({ title: '', startAt: '', attachments: [] })
  })
  it('refuses files that are not our own uploads, per attachment, in Chinese', () => {
    const form = { title: '草案标题', background: '起草背景和说明文字。', draftText: '征求意见稿全文文字。', startAt: '2026-12-01 09:00', endAt: '2026-12-10 18:00' }
    const own = { name: '附件.pdf', url: `/api/v1/files/${'b'.repeat(64)}.pdf`, mime: 'application/pdf', size: 10 }
    const refused = consultationBodySchema.safeParse({ ...form, attachments: [own, { ...own, url: 'https://example.com/a.pdf' }, { ...own, url: '/api/v1/files/../secret.pdf' }, '/files/draft.pdf', { url: own.url, size: 1 }] })
    expect(refused.success).toBe(false)
    expect(Object.fromEntries(fieldErrorsOf(refused.error!).map((f) => [f.path, f.message]))).toEqual({
      'attachments.1.url': '附件须是在本平台上传的文件，请移除后重新上传',
      'attachments.2.url': '附件须是在本平台上传的文件，请移除后重新上传',
      'attachments.3': '附件格式不正确，请移除后重新上传',
      'attachments.4.name': '请填写附件名称',
    })
    const tooMany = consultationBodySchema.safeParse({ ...form, attachments: Array.from({ length: 11 }, () => own) })
    expect(fieldErrorsOf(tooMany.error!)).toEqual([{ path: 'attachments', message: '附件最多 10 个' }])
  })
})

describe('asking for the answer reminder when a message is sent', () => {
  const status = (kind: 'interaction-reply' | 'policy-notice', templateKind: 'long-term' | 'one-time', state: 'on' | 'remaining' | 'none') => ({ kind, name: kind, templateId: `TPL-${kind}`, templateKind, state, remaining: 0, text: '' })
  it('asks for 互动回复通知, else the policy template, and not for a long-term one already on', async () => {
    const { replyConsentTemplate } = await import('../../miniapp/src/interaction/lib/forms')
    expect(replyConsentTemplate([status('policy-notice', 'long-term', 'none'), status('interaction-reply', 'one-time', 'remaining')])).toBe('TPL-interaction-reply')
    expect(replyConsentTemplate([status('policy-notice', 'one-time', 'none')])).toBe('TPL-policy-notice')
    expect(replyConsentTemplate([status('interaction-reply', 'long-term', 'on')])).toBeNull()
    expect(replyConsentTemplate([])).toBeNull()
  })
})
