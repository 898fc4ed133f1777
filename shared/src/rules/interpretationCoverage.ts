import { yearOf } from './weeks'

/** 年内解读不少于2次 (guiyang-hrss-2017, shandong-hrss-2019). */
export const INTERPRETATIONS_PER_YEAR = 2

export interface CoveragePolicy {
  id: string
  title: string
  department: string
  /** 效力状态: only policies in force (有效) need interpreting. */
  validity: string
  publishedAt: Date | string
}

export interface CoverageInterpretation {
  id: string
  policyIds: readonly string[]
  publishedAt: Date | string
}

export interface CoverageShortfall {
  policyId: string
  title: string
  department: string
  /** Interpretations of it published this calendar year (Beijing). */
  interpretedThisYear: number
  needed: number
  /** Whole days left in the year, today included. */
  daysLeft: number
}

const DAY_MS = 86_400_000

/**
 * Important policies (重要政策措施) in force that have had fewer than two interpretations
 * published in the current calendar year (Asia/Shanghai), with how many they have and
 * the days left in the year; the fewest days and interpretations first. An interpretation
 * of several policies counts for each.
 */
export function interpretationShortfalls(policies: readonly CoveragePolicy[], interpretations: readonly CoverageInterpretation[], now: Date): CoverageShortfall[] {
  const year = yearOf(now)
  const counted = new Map<string, number>()
  for (const i of interpretations) {
    const at = new Date(i.publishedAt)
    if (at < year.start || at >= year.end || at > now) continue
    for (const p of new Set(i.policyIds)) counted.set(p, (counted.get(p) ?? 0) + 1)
  }
  const daysLeft = Math.ceil((year.end.getTime() - now.getTime()) / DAY_MS)
  return policies
    .filter((p) => p.validity === 'valid' && (counted.get(p.id) ?? 0) < INTERPRETATIONS_PER_YEAR)
    .map((p) => ({ policyId: p.id, title: p.title, department: p.department, interpretedThisYear: counted.get(p.id) ?? 0, needed: INTERPRETATIONS_PER_YEAR, daysLeft }))
    .sort((a, b) => a.interpretedThisYear - b.interpretedThisYear || a.department.localeCompare(b.department) || a.title.localeCompare(b.title))
}
