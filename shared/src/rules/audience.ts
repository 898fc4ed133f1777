import { regionCovers } from './regions'

/** Who a push campaign is for: subscribers of its topics (any or all of them) in its regions, of its groups. */
export interface AudienceRule {
  topics: readonly string[]
  topicMatch: 'any' | 'all'
  /** Region codes; each covers everything below it. None: everywhere. */
  regions: readonly string[]
  /** Self-declared groups; none: everyone. */
  groups: readonly string[]
}

/** What the audience rule looks at of a citizen. */
export interface AudienceCandidate {
  groups: readonly string[]
  /** Topic × region the citizen asked to hear about. */
  subscriptions: readonly { topic: string; region: string }[]
}

/**
 * Whether a citizen is in a campaign's audience: for `any`, one of their subscriptions is
 * to a topic of the rule for an area the rule's regions cover; for `all`, every topic of
 * the rule has such a subscription; and, when the rule names groups, the citizen declared
 * one of them. A citizen who unsubscribed from a topic has no subscription to it.
 */
export function audienceIncludes(rule: AudienceRule, citizen: AudienceCandidate): boolean {
  if (rule.groups.length && !citizen.groups.some((g) => rule.groups.includes(g))) return false
  const covered = (region: string) => rule.regions.length === 0 || rule.regions.some((r) => regionCovers(r, region))
  const subscribedTo = (topic: string) => citizen.subscriptions.some((s) => s.topic === topic && covered(s.region))
  return rule.topicMatch === 'all' ? rule.topics.length > 0 && rule.topics.every(subscribedTo) : rule.topics.some(subscribedTo)
}

/**
 * Whether a newly published item reaches a subscriber at once (the subscription feed):
 * one of their immediate subscriptions is to a topic of the item, for an area that
 * overlaps one of the item's (either covers the other: a county's policy reaches the
 * subscribers of its city, and a province-wide one those of every county in it).
 * Digest subscriptions are matched the same way for the digest at their time (`via`).
 */
export function alertReaches(
  item: { topics: readonly string[]; regions: readonly string[] },
  subscriptions: readonly { topic: string; region: string; frequency: string; digestAt?: string | null }[],
  /** `immediate` (default), or the digest at this time of day (`HH:mm`). */
  via: 'immediate' | { digestAt: string } = 'immediate',
): boolean {
  const heard = (s: { frequency: string; digestAt?: string | null }) => (via === 'immediate' ? s.frequency === 'immediate' : s.frequency === 'digest' && s.digestAt === via.digestAt)
  return subscriptions.some(
    (s) => heard(s) && item.topics.includes(s.topic) && item.regions.some((r) => regionCovers(r, s.region) || regionCovers(s.region, r)),
  )
}
