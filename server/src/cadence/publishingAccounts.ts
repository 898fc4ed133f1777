import { departmentByCode, DEFAULT_STALE_AFTER_DAYS, MINIPROGRAM_COLUMNS } from '@zw/shared'
import { AccountColumnModel, PublishingAccountModel, type Channel } from './model'

export const accountIdOf = (channel: Channel, department: string) => `${channel}:${department}`
export const columnIdOf = (accountId: string, code: string) => `${accountId}:${code}`
/** 每周更新不少于2次 (guiyang-hrss-2017) and the national two-week floor. */
export const DEFAULT_MIN_PER_WEEK = 2
export const DEFAULT_MAX_GAP_DAYS = 14

/**
 * Every department has a mini-program account (its columns in the mini-program: one per
 * kind of document, with the thresholds of their kind), made on first use.
 */
export async function ensureMiniProgramAccount(department: string, at: Date): Promise<void> {
  const _id = accountIdOf('miniprogram', department)
  await PublishingAccountModel.updateOne(
    { _id },
    { $setOnInsert: { department, channel: 'miniprogram', name: `${departmentByCode(department)?.name ?? department}（小程序）`, minPerWeek: DEFAULT_MIN_PER_WEEK, maxGapDays: DEFAULT_MAX_GAP_DAYS, paused: null, lastUpdateAt: null, createdAt: at } },
    { upsert: true },
  )
  for (const c of MINIPROGRAM_COLUMNS) {
    await AccountColumnModel.updateOne(
      { _id: columnIdOf(_id, c.code) },
      { $setOnInsert: { accountId: _id, department, code: c.code, name: c.name, kind: c.kind, staleAfterDays: DEFAULT_STALE_AFTER_DAYS[c.kind], active: true, lastUpdateAt: null, createdAt: at } },
      { upsert: true },
    )
  }
}
