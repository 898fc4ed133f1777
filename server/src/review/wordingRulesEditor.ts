import { can, type WordingRule } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import type { Setting } from '../platform/settings'

/**
 * 错敏词 list of the pre-publication checks: platform admins replace it as a whole (the
 * change audited, before and after); until they do, the bundled defaults apply. Staff who
 * write or review may read it, to see what will be flagged.
 */
export class WordingRulesEditor {
  constructor(
    private readonly setting: Setting<WordingRule[]>,
    private readonly now: () => Date,
  ) {}

  async view(staff: StaffPrincipal): Promise<{ rules: WordingRule[]; isDefault: boolean }> {
    if (!can(staff, 'platform.configure') && !can(staff, 'content.read', staff.department)) throw new ForbiddenError()
    return { rules: await this.setting.current(), isDefault: !(await this.setting.isSet()) }
  }

  async replace(staff: StaffPrincipal, rules: WordingRule[]): Promise<{ rules: WordingRule[]; isDefault: boolean }> {
    if (!can(staff, 'platform.configure')) throw new ForbiddenError('只有平台管理员可以修改错敏词表')
    await this.setting.set(rules, auditActorOf(staff), this.now())
    return { rules, isDefault: false }
  }
}
