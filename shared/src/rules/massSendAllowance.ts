import { formatShanghaiDate } from '../time'

/** The kinds of 公众号: 订阅号 may mass-send once a day, 服务号 four times a month. */
export const OA_ACCOUNT_KINDS = ['subscription', 'service'] as const
export type OaAccountKind = (typeof OA_ACCOUNT_KINDS)[number]
export const OA_ACCOUNT_KIND_LABELS: Record<OaAccountKind, string> = { subscription: '订阅号', service: '服务号' }

/**
 * The mass-send (群发) slots an account may use at `now`, in the order to take them: one
 * per Beijing day for a 订阅号 (`2026-11-22`), four per Beijing month for a 服务号
 * (`2026-11#1` … `2026-11#4`). A send takes the first free slot; none free means the limit
 * is reached (`massSendRefusal` says so).
 */
export function massSendSlots(kind: OaAccountKind, now: Date): string[] {
  const day = formatShanghaiDate(now)
  if (kind === 'subscription') return [day]
  const month = day.slice(0, 7)
  return [1, 2, 3, 4].map((n) => `${month}#${n}`)
}

/** Why a mass send is refused when every slot is taken. */
export function massSendRefusal(kind: OaAccountKind): string {
  return kind === 'subscription' ? '今天已群发过（订阅号每天只能群发 1 次），请明天再试' : '本月群发次数已用完（服务号每月只能群发 4 次），请下月再试'
}
