import { regionPrefix, type AudienceRule } from '@zw/shared'
import type { FilterQuery } from 'mongoose'
import type { CitizenAccountDoc } from '../auth/citizenModel'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The accounts a campaign's audience rule can only be among, as a database filter: a
 * subscription to one of its topics (each of them, for `all`) in an area under one of its
 * regions, and one of its groups. The database narrows (on MongoDB through the
 * `subscriptions.topic` index) and `audienceIncludes` decides:
 * this filter never leaves out anyone the rule includes.
 */
export function audienceFilter(rule: AudienceRule): FilterQuery<CitizenAccountDoc> {
  if (!rule.topics.length) return { _id: { $in: [] } }
  // Topic and area are matched as separate conditions on the subscriptions (FerretDB v1
  // has no `$elemMatch` over documents): a citizen may pass with the topic in one
  // subscription and the area in another, and the rule then leaves them out.
  const region = rule.regions.length ? [{ 'subscriptions.region': { $regex: `^(?:${rule.regions.map((r) => escape(regionPrefix(r))).join('|')})` } }] : []
  const topics = rule.topicMatch === 'all' ? rule.topics.map((t) => ({ 'subscriptions.topic': t })) : [{ 'subscriptions.topic': { $in: [...rule.topics] } }]
  const groups = rule.groups.length ? [{ groups: { $in: [...rule.groups] } }] : []
  return { $and: [...topics, ...region, ...groups] }
}
