import { can, type SensitiveWord } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import type { Setting } from '../platform/settings'

/**
 * The sensitive-word list of what citizens write (docs/adr/0022): platform admins replace
 * it as a whole (audited, before and after); until they do, the catalogue's defaults
 * apply. Everyone who handles messages may read it, to see why a text was held.
 */
export class SensitiveWordsEditor {
  constructor(
    private readonly setting: Setting<SensitiveWord[]>,
    private readonly now: () => Date,
  ) {}

  async view(): Promise<{ words: SensitiveWord[]; isDefault: boolean }> {
    return { words: await this.setting.current(), isDefault: !(await this.setting.isSet()) }
  }

  async replace(staff: StaffPrincipal, words: SensitiveWord[]): Promise<{ words: SensitiveWord[]; isDefault: boolean }> {
    if (!can(staff, 'platform.configure')) throw new ForbiddenError('只有平台管理员可以修改敏感词表')
    await this.setting.set(words, auditActorOf(staff), this.now())
    return { words, isDefault: false }
  }
}
