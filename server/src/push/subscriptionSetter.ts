import { regionFullName, topicName, type Subscription, type Subscriptions, type SubscriptionsBody } from '@zw/shared'
import type { CitizenPrincipal } from '../auth/citizenAuthenticator'
import { citizenActor } from '../auth/citizenActor'
import { CitizenAccountModel } from '../auth/citizenModel'
import { recordAudit } from '../platform/audit/auditTrail'
import { ValidationError } from '../platform/errors'
import { setDigestTimes } from './model'

/** 我的订阅 of a citizen as stored (an account without any: none). */
export const subscriptionsOf = (citizen: CitizenPrincipal): Subscriptions => ({
  subscriptions: (citizen.account.subscriptions ?? []).map((s) => ({ topic: s.topic as Subscription['topic'], region: s.region, frequency: s.frequency, digestAt: s.digestAt ?? null })),
})

/**
 * Saves a citizen's subscriptions, all at once: each topic for an area (their own area
 * when they name none), heard at once or in a daily digest at the time they chose. The
 * same topic for the same area twice is refused, naming the entry; nothing is written
 * unless all are right. The audit trail records how many there are, not which.
 */
export class SubscriptionSetter {
  constructor(private readonly now: () => Date) {}

  async set(citizen: CitizenPrincipal, body: SubscriptionsBody): Promise<Subscriptions> {
    const problems: { path: string; message: string }[] = []
    const seen = new Map<string, number>()
    const subscriptions: Subscription[] = body.subscriptions.map((s, i) => {
      const region = s.region ?? citizen.account.region
      if (!region) problems.push({ path: `subscriptions.${i}.region`, message: '请先在“我的”里选择所在地区，或为这项订阅选择地区' })
      const key = `${s.topic}@${region}`
      const first = seen.get(key)
      if (first !== undefined && region) problems.push({ path: `subscriptions.${i}.topic`, message: `与第 ${first + 1} 项重复：${topicName(s.topic)}（${regionFullName(region)}）` })
      else seen.set(key, i)
      return { topic: s.topic, region: region ?? '', frequency: s.frequency, digestAt: s.frequency === 'digest' ? (s.digestAt ?? null) : null }
    })
    if (problems.length) throw new ValidationError(problems)
    await CitizenAccountModel.updateOne({ _id: citizen.id }, { $set: { subscriptions } })
    await setDigestTimes(citizen.id, subscriptions.flatMap((s) => (s.frequency === 'digest' && s.digestAt ? [s.digestAt] : [])))
    const before = citizen.account.subscriptions?.length ?? 0
    await recordAudit({ at: this.now(), actor: citizenActor(citizen), action: 'citizen.subscriptions-set', subject: `citizen:${citizen.id}`, before: { count: before }, after: { count: subscriptions.length } })
    return { subscriptions }
  }
}
