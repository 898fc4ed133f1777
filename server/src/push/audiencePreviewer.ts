import { audienceIncludes, can, type AudiencePreview, type AudienceRuleBody } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { CitizenAccountModel, type CitizenAccountDoc } from '../auth/citizenModel'
import { ForbiddenError } from '../platform/errors'
import type { PushTemplates } from './templates'
import { audienceFilter } from './audienceQuery'
import { consentUsesOf, reachableByWeChat, type ConsentUses } from './wechatReach'

/**
 * 受众预估: the exact number of citizens a rule matches now, and how they would be
 * reached — by WeChat (consent left), by SMS (a verified number, when chosen), or in the
 * inbox only. One pass over the accounts the database narrows to (`audienceFilter`),
 * streamed (never all in memory).
 */
export class AudiencePreviewer {
  /** Counts under way, by rule and channels: the builder asks again as an editor types, and the same question is answered once. */
  private readonly running = new Map<string, Promise<AudiencePreview>>()

  constructor(private readonly templates: PushTemplates) {}

  async preview(staff: StaffPrincipal, body: { audience: AudienceRuleBody; channels: { wechat: boolean; sms: boolean } }): Promise<AudiencePreview> {
    if (!can(staff, 'push.write', staff.department) && !can(staff, 'push.approve', staff.department)) throw new ForbiddenError('没有权限预估推送受众')
    const key = JSON.stringify([body.audience, body.channels])
    const running = this.running.get(key)
    if (running) return running
    const counting = this.count(body).finally(() => this.running.delete(key))
    this.running.set(key, counting)
    return counting
  }

  private async count(body: { audience: AudienceRuleBody; channels: { wechat: boolean; sms: boolean } }): Promise<AudiencePreview> {
    const template = body.channels.wechat ? this.templates.of('policy-notice') : undefined
    const uses: ConsentUses = template ? await consentUsesOf(template.templateId) : new Map()
    const counts = { matching: 0, wechat: 0, sms: 0, inboxOnly: 0 }
    const cursor = CitizenAccountModel.find(audienceFilter(body.audience), { groups: 1, subscriptions: 1, consents: 1, mobile: 1 }).lean<CitizenAccountDoc[]>().cursor({ batchSize: 1000 })
    for await (const a of cursor as AsyncIterable<CitizenAccountDoc>) {
      if (!a.subscriptions?.length || !audienceIncludes(body.audience, { groups: a.groups ?? [], subscriptions: a.subscriptions })) continue
      counts.matching++
      const byWeChat = !!template && reachableByWeChat(a._id, a.consents?.find((c) => c.templateId === template.templateId), uses)
      const bySms = body.channels.sms && !!a.mobile
      if (byWeChat) counts.wechat++
      if (bySms) counts.sms++
      if (!byWeChat && !bySms) counts.inboxOnly++
    }
    return counts
  }
}
