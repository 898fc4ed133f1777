import type { Types } from 'mongoose'
import { departmentByCode } from '@zw/shared'
import { IndexNumber, nextSequence } from './model'

/**
 * 索引号 of a policy: `<organisation prefix>/<year>-<sequence>`, e.g. `640100-108/2018-46173`.
 * The sequence counts per organisation and year; the reservation's unique `_id` makes a
 * number belong to one item even if two instances race.
 */
export async function allocateIndexNumber(department: string, year: number, itemId: Types.ObjectId, now: Date): Promise<string> {
  const dept = departmentByCode(department)
  if (!dept) throw new Error(`unknown department ${department}`)
  for (;;) {
    const seq = await nextSequence(`index-number:${dept.indexPrefix}:${year}`)
    const number = `${dept.indexPrefix}/${year}-${String(seq).padStart(5, '0')}`
    if (await reserveIndexNumber(number, itemId, now)) return number
  }
}

/** Reserves a given number (an original one from the source document); false when taken. */
export async function reserveIndexNumber(number: string, itemId: Types.ObjectId, now: Date): Promise<boolean> {
  try {
    await IndexNumber.create({ _id: number, itemId, at: now })
    return true
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return false
    throw err
  }
}
