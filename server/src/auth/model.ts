import mongoose, { Schema, type Types } from 'mongoose'
import type { StaffRole } from '@zw/shared'

export interface StaffAccountDoc {
  _id: Types.ObjectId
  /** Lower case, unique. */
  username: string
  displayName: string
  department: string
  roles: StaffRole[]
  /** scrypt, see passwordHasher. */
  passwordHash: string
  /** Consecutive failed log-ins since the last success (reset when a lock-out ends). */
  failedLogins: number
  lockedUntil: Date | null
  disabled: boolean
  /** The WeChat openid bound for log-in by WeChat, if any (uniqueness: staff_wechat_bindings, keyed by openid). */
  wechatOpenId?: string
  createdAt: Date
  updatedAt: Date
}

const staffAccountSchema = new Schema<StaffAccountDoc>(
  {
    username: { type: String, required: true, unique: true },
    displayName: { type: String, required: true },
    department: { type: String, required: true },
    roles: { type: [String], required: true },
    passwordHash: { type: String, required: true },
    failedLogins: { type: Number, required: true, default: 0 },
    lockedUntil: { type: Date, default: null },
    disabled: { type: Boolean, required: true, default: false },
    wechatOpenId: { type: String },
  },
  { collection: 'staff_accounts', timestamps: true, versionKey: false },
)
staffAccountSchema.index({ department: 1, username: 1 })
staffAccountSchema.index({ wechatOpenId: 1 })
export const StaffAccountModel = mongoose.model<StaffAccountDoc>('StaffAccount', staffAccountSchema)

/**
 * One log-in session: the refresh token (only its SHA-256 is stored) and what access
 * tokens of this session need to stay valid. Revoking sets `revokedAt`.
 */
export interface StaffSessionDoc {
  _id: Types.ObjectId
  staffId: Types.ObjectId
  refreshTokenHash: string
  expiresAt: Date
  revokedAt: Date | null
  ip: string
  userAgent: string
  createdAt: Date
  lastRefreshedAt: Date | null
}

const staffSessionSchema = new Schema<StaffSessionDoc>(
  {
    staffId: { type: Schema.Types.ObjectId, required: true },
    refreshTokenHash: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    ip: { type: String, default: '' },
    userAgent: { type: String, default: '' },
    createdAt: { type: Date, required: true },
    lastRefreshedAt: { type: Date, default: null },
  },
  { collection: 'staff_sessions', versionKey: false },
)
staffSessionSchema.index({ staffId: 1, revokedAt: 1 })
export const StaffSessionModel = mongoose.model<StaffSessionDoc>('StaffSession', staffSessionSchema)

/** Secrets shared by every instance (the access-token signing key), created once. */
const authKeySchema = new Schema<{ _id: string; key: string; createdAt: Date }>(
  { _id: String, key: { type: String, required: true }, createdAt: { type: Date, required: true } },
  { collection: 'auth_keys', versionKey: false },
)
export const AuthKeyModel = mongoose.model('AuthKey', authKeySchema)
