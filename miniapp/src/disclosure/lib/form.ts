/**
 * Pure helpers of the 申请公开 pages (no Taro, so unit tests can import them): the blank
 * form, the per-field Chinese messages of a refused application, deadlines in words.
 */
import type { DisclosureApplicationBody, MyDisclosure } from '@zw/shared'

/** What the server said about each field (shared by the citizens' forms). */
export { fieldMessages } from '../../lib/errors'

export const DISCLOSURE_APPLY_PATH = '/disclosure/pages/apply/index'
export const DISCLOSURE_MINE_PATH = '/disclosure/pages/mine/index'
export const disclosureDetailPath = (id: string) => `/disclosure/pages/detail/index?id=${id}`

export type ApplyForm = Required<Omit<DisclosureApplicationBody, 'attachments'>>

export const blankForm = (): ApplyForm => ({
  department: 'guiyang-hrss',
  applicantKind: 'citizen',
  name: '',
  idType: 'resident-id',
  idNumber: '',
  contactPerson: '',
  phone: '',
  address: '',
  email: '',
  description: '',
  purpose: '',
  form: 'electronic',
  delivery: 'online',
})

/** The deadline lines an applicant reads, in plain words. */
export function deadlineLines(a: Pick<MyDisclosure, 'clock' | 'state'>): string[] {
  const c = a.clock
  const lines: string[] = []
  if (c.calendarGap) return ['答复期限暂时无法计算（缺少节假日安排），我们会尽快处理。']
  if (c.state === 'ended') return lines
  if (c.state === 'awaiting-correction' && c.correctionDeadline) lines.push(`请在 ${c.correctionDeadline} 前补正，补正后重新计算答复期限。`)
  if (c.paymentDeadline) lines.push(`请在 ${c.paymentDeadline} 前缴费。`)
  if (c.state === 'paused') lines.push(`答复期限暂停计算（${c.stateLabel.replace(/^暂停计时（|）$/g, '')}），还剩 ${c.daysLeft} 个工作日。`)
  if (c.state === 'running' && c.dueDate) lines.push(`最迟在 ${c.dueDate} 前答复您${c.extended ? '（已延期）' : ''}。`)
  return lines
}
