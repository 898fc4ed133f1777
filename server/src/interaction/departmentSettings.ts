import { can, DEFAULT_ANSWER_DAYS, departmentNameOf, type InteractionSettings, type MessageCategory } from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError } from '../platform/errors'
import { InteractionSettingsModel, type InteractionSettingsDoc } from './model'

export interface DepartmentInteractionSettings {
  replyReview: boolean
  answerDays: Record<MessageCategory, number>
  isDefault: boolean
}

/**
 * A department's interaction settings: answer days per category (default 5 working days
 * for 咨询, 15 for 建议 and 投诉; the server's defaults can be set in configuration) and
 * whether a second person reviews replies. A new setting applies to messages received
 * after it; each message keeps the days it arrived with.
 */
export class DepartmentSettings {
  constructor(
    private readonly defaults: { replyReview: boolean; answerDays: Record<MessageCategory, number> },
    private readonly now: () => Date,
  ) {}

  async of(department: string): Promise<DepartmentInteractionSettings> {
    const doc = await InteractionSettingsModel.findById(department).lean<InteractionSettingsDoc>()
    return doc ? { replyReview: doc.replyReview, answerDays: { ...this.defaults.answerDays, ...doc.answerDays }, isDefault: false } : { ...this.defaults, answerDays: { ...this.defaults.answerDays }, isDefault: true }
  }

  private departmentFor(staff: StaffPrincipal, asked: string | undefined, action: 'interaction.handle' | 'interaction.configure'): string {
    const department = asked ?? staff.department
    const allowed = action === 'interaction.handle' ? can(staff, 'interaction.handle', department) || can(staff, 'interaction.configure', department) : can(staff, 'interaction.configure', department)
    if (!allowed) throw new ForbiddenError(action === 'interaction.configure' ? '只有部门管理员可以修改留言设置' : '只能查看本部门的留言设置')
    return department
  }

  async view(staff: StaffPrincipal, query: { department?: string }): Promise<InteractionSettings> {
    const department = this.departmentFor(staff, query.department, 'interaction.handle')
    return { department, departmentName: departmentNameOf(department), ...(await this.of(department)) }
  }

  async set(staff: StaffPrincipal, body: { department?: string; replyReview: boolean; answerDays: Record<MessageCategory, number> }): Promise<InteractionSettings> {
    const department = this.departmentFor(staff, body.department, 'interaction.configure')
    const before = await this.of(department)
    const now = this.now()
    await InteractionSettingsModel.updateOne({ _id: department }, { $set: { replyReview: body.replyReview, answerDays: body.answerDays, updatedBy: { id: staff.id, name: staff.displayName }, updatedAt: now } }, { upsert: true })
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'interaction.settings-changed', subject: `interaction-settings:${department}`, before: { replyReview: before.replyReview, answerDays: before.answerDays }, after: { replyReview: body.replyReview, answerDays: body.answerDays } })
    return this.view(staff, { department })
  }
}

export const DEFAULT_INTERACTION_SETTINGS = { replyReview: false, answerDays: { ...DEFAULT_ANSWER_DAYS } }
