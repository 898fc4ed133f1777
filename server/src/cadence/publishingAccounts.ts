import { departmentByCode } from '@zw/shared'
import { PublishingAccountModel, type Channel } from './model'

export const accountIdOf = (channel: Channel, department: string) => `${channel}:${department}`
/** 每周更新不少于2次 (guiyang-hrss-2017) and the national two-week floor. */
export const DEFAULT_MIN_PER_WEEK = 2
export const DEFAULT_MAX_GAP_DAYS = 14

/** Every department has a mini-program account (its columns in the mini-program), made on first use. */
export async function ensureMiniProgramAccount(department: string, at: Date): Promise<void> {
  const _id = accountIdOf('miniprogram', department)
  await PublishingAccountModel.updateOne(
    { _id },
    { $setOnInsert: { department, channel: 'miniprogram', name: `${departmentByCode(department)?.name ?? department}（小程序）`, minPerWeek: DEFAULT_MIN_PER_WEEK, maxGapDays: DEFAULT_MAX_GAP_DAYS, paused: null, createdAt: at } },
    { upsert: true },
  )
}
