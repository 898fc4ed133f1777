/**
 * Pure helpers of the 我的 page (no Taro, so unit tests can import them): the cascading
 * area picker built from the shared region table, the citizen groups, and the Chinese
 * messages for what the server refuses.
 */
import { ApiClientError, CITIZEN_GROUPS, citizenDevLogInBodySchema, regionByCode, regionChildren, regionLevel, type CitizenGroup, type Region, type RegionLevel } from '@zw/shared'
import { errorMessage } from './errors'

/** What each level of the picker is called, in the words people use. */
export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县（区）',
  town: '乡镇（街道）',
  village: '村（社区）',
}

/** The chosen area and the areas above it, province first; unknown code: empty. */
export function regionPath(code: string | null): Region[] {
  const path: Region[] = []
  let region = code ? regionByCode(code) : undefined
  while (region) {
    path.unshift(region)
    region = region.parent === null ? undefined : regionByCode(region.parent)
  }
  return path
}

/** `河南省 新乡市 红旗区` for the chosen code; `undefined` when nothing (or an unknown code) is chosen. */
export function regionPathName(code: string | null): string | undefined {
  const path = regionPath(code)
  return path.length ? path.map((r) => r.name).join(' ') : undefined
}

/** One row of the cascading picker: the areas under `parent` (`null`: the provinces). */
export interface CascadeLevel {
  parent: Region | null
  level: RegionLevel
  label: string
  options: Region[]
  /** The area chosen at this level, if any. */
  selected: Region | undefined
}

/**
 * The rows the picker shows for a chosen code: one per level down to the chosen area,
 * plus the level below it when the table lists areas there (so the citizen may go on or
 * stop). Nothing chosen: only the provinces. A level is named by the level of its areas,
 * so a city without counties (东莞) goes from 市 straight to 乡镇.
 */
export function regionCascade(code: string | null): CascadeLevel[] {
  const path = regionPath(code)
  const levels: CascadeLevel[] = []
  for (let i = 0; i <= path.length; i++) {
    const parent = i === 0 ? null : path[i - 1]!
    const options = regionChildren(parent?.code ?? null)
    if (options.length === 0) break
    const level = regionLevel(options[0]!.code)
    levels.push({ parent, level, label: REGION_LEVEL_LABELS[level], options, selected: path[i] })
  }
  return levels
}

/** Whether the table lists areas under this one (the picker then offers the next level). */
export function hasSubregions(code: string): boolean {
  return regionChildren(code).length > 0
}

/** The groups in the catalogue's order, whatever order they were ticked in. */
export function orderedGroups(groups: readonly string[]): CitizenGroup[] {
  const chosen = new Set(groups)
  return CITIZEN_GROUPS.map((g) => g.code).filter((code) => chosen.has(code))
}

/** Group codes the catalogue knows, by their Chinese name. */
export function groupName(code: string): string | undefined {
  return CITIZEN_GROUPS.find((g) => g.code === code)?.name
}

/** The server's refusal of a profile, placed by field: `region`, `groups` (any of `groups.N`), or `other`. */
export interface ProfileErrors {
  region?: string
  groups?: string
  other?: string
}

export function profileErrors(err: unknown): ProfileErrors {
  if (err instanceof ApiClientError && err.code === 'VALIDATION_FAILED' && err.fields.length > 0) {
    const out: ProfileErrors = {}
    for (const field of err.fields) {
      const key = field.path.replace(/^body\./, '').split('.')[0]
      const slot: keyof ProfileErrors = key === 'region' ? 'region' : key === 'groups' ? 'groups' : 'other'
      out[slot] ??= field.message
    }
    return out
  }
  return { other: errorMessage(err, '保存失败，请稍后再试') }
}

/** The 测试账号名 as the server will take it, or the message saying what is wrong. */
export function checkDevName(name: string): { ok: true; name: string } | { ok: false; message: string } {
  const parsed = citizenDevLogInBodySchema.safeParse({ name: name.trim() })
  if (parsed.success) return { ok: true, name: parsed.data.name }
  return { ok: false, message: parsed.error.issues[0]?.message ?? '测试账号名格式不正确' }
}

/** What to say when the browser log-in fails; 403 means the server has it switched off. */
export function devLogInMessage(err: unknown): string {
  if (err instanceof ApiClientError && err.status === 403) {
    return '这个网页暂时不能登录（测试登录没有开启）。请在微信里打开本小程序，再点“我的”。'
  }
  return errorMessage(err, '登录失败，请稍后再试')
}
