import mongoose, { Schema } from 'mongoose'
import { recordAudit, type AuditActor } from './audit/auditTrail'

interface SettingDoc {
  _id: string
  value: unknown
  updatedAt: Date
  updatedBy: string
}
const SettingModel = mongoose.model<SettingDoc>(
  'Setting',
  new Schema<SettingDoc>({ _id: String, value: Schema.Types.Mixed, updatedAt: Date, updatedBy: String }, { collection: 'settings', versionKey: false, minimize: false }),
)

/**
 * Platform settings changed at run time by a platform admin (word lists, calendars …):
 * one document per setting, every change audited with its before and after. Readers keep
 * a copy for `cacheMs` so a check does not cost a query each time; the instance that
 * changed it sees the change at once, others within `cacheMs`.
 */
export class Setting<T> {
  private cached: { value: T; until: number } | undefined

  constructor(
    readonly key: string,
    private readonly fallback: () => T,
    private readonly cacheMs = 10_000,
  ) {}

  async current(now = Date.now()): Promise<T> {
    if (this.cached && this.cached.until > now) return this.cached.value
    const doc = await SettingModel.findById(this.key).lean<SettingDoc>()
    const value = doc ? (doc.value as T) : this.fallback()
    this.cached = { value, until: now + this.cacheMs }
    return value
  }

  /** Whether a platform admin has set it (otherwise the default applies). */
  async isSet(): Promise<boolean> {
    return (await SettingModel.countDocuments({ _id: this.key })) > 0
  }

  async set(value: T, actor: AuditActor, at: Date): Promise<void> {
    const before = await this.current(0)
    await SettingModel.updateOne({ _id: this.key }, { $set: { value, updatedAt: at, updatedBy: actor.id } }, { upsert: true })
    this.cached = { value, until: Date.now() + this.cacheMs }
    await recordAudit({ at, actor, action: 'setting.changed', subject: `setting:${this.key}`, before, after: value })
  }
}
