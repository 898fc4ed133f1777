import { DEFAULT_STALE_AFTER_DAYS, departmentNameOf, MINIPROGRAM_COLUMNS, type ColumnKind } from '@zw/shared'
import { AccountColumnModel, PublishingAccountModel, type AccountColumnDoc, type Channel } from './model'

export const accountIdOf = (channel: Channel, department: string) => `${channel}:${department}`
export const columnIdOf = (accountId: string, code: string) => `${accountId}:${code}`

/** A new column of an account from the catalogue, with the threshold of its kind, run, never updated. */
export const newColumn = (accountId: string, department: string, c: { code: string; kind: ColumnKind; name: string }, at: Date): AccountColumnDoc => ({
  _id: columnIdOf(accountId, c.code),
  accountId,
  department,
  code: c.code,
  name: c.name,
  kind: c.kind,
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS[c.kind],
  active: true,
  lastUpdateAt: null,
  recordedPosts: 0,
  createdAt: at,
})

/** Editions (of the review workflow) publish on the mini-program only: its forecast and its gap-closers. */
export const receivesEditions = (account: { channel: string }) => account.channel === 'miniprogram'
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
    { $setOnInsert: { department, channel: 'miniprogram', name: `${departmentNameOf(department)}（小程序）`, minPerWeek: DEFAULT_MIN_PER_WEEK, maxGapDays: DEFAULT_MAX_GAP_DAYS, paused: null, lastUpdateAt: null, createdAt: at } },
    { upsert: true },
  )
  for (const c of MINIPROGRAM_COLUMNS) {
    const { _id: columnId, ...column } = newColumn(_id, department, c, at)
    await AccountColumnModel.updateOne({ _id: columnId }, { $setOnInsert: column }, { upsert: true })
  }
}
