/**
 * Region rules on 12-digit statistical division codes (统计用区划代码): province 2 digits,
 * city 4, county 6, town 9, village 12; trailing zeros mean "the whole area".
 * `110105000000` is a county; it covers `110105001000` (a town) and `110105001001` (a village).
 */
export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village'

const LEVELS: { level: RegionLevel; digits: number }[] = [
  { level: 'province', digits: 2 },
  { level: 'city', digits: 4 },
  { level: 'county', digits: 6 },
  { level: 'town', digits: 9 },
  { level: 'village', digits: 12 },
]

/** The 31 provincial-level divisions of the statistical codes. */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'])

/**
 * Well-formed: 12 digits, a real province, and zeros only as a trailing block — except
 * the county part, which is `00` for towns of cities that have no counties (东莞
 * 441900003000, 中山, 儋州).
 */
export function isRegionCode(code: string): boolean {
  if (!/^\d{12}$/.test(code) || !PROVINCES.has(code.slice(0, 2))) return false
  const level = LEVELS.find((l) => /^0*$/.test(code.slice(l.digits)))
  if (!level) return false
  let start = 0
  for (const l of LEVELS) {
    if (l.digits > level.digits) break
    const part = code.slice(start, l.digits)
    const countyOfCountylessCity = l.level === 'county' && level.digits > l.digits
    if (/^0+$/.test(part) && !countyOfCountylessCity) return false
    start = l.digits
  }
  return true
}

function significantDigits(code: string): number {
  const level = LEVELS.find((l) => /^0*$/.test(code.slice(l.digits)))
  if (!level) throw new RangeError(`not a region code: ${code}`)
  return level.digits
}

export function regionLevel(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new RangeError(`not a region code: ${code}`)
  return LEVELS.find((l) => l.digits === significantDigits(code))!.level
}

/** The code's significant prefix: `110105` for `110105000000`. */
export function regionPrefix(code: string): string {
  return code.slice(0, significantDigits(code))
}

/** The areas above a code, from the province down (self excluded; an absent county level skipped). */
export function regionAncestors(code: string): string[] {
  const digits = significantDigits(code)
  const codes = LEVELS.filter((l) => l.digits < digits).map((l) => code.slice(0, l.digits).padEnd(12, '0'))
  return codes.filter((c, i) => i === 0 || c !== codes[i - 1])
}

/** The code and every area above it: what a citizen in `code` is also part of. */
export function regionSelfAndAncestors(code: string): string[] {
  return [...regionAncestors(code), code]
}

/** Whether `area` is `code` or contains it. */
export function regionCovers(area: string, code: string): boolean {
  return code.startsWith(regionPrefix(area))
}

/**
 * Whether content tagged for `itemRegions` concerns someone looking at `query`: an item
 * for the query area itself, for a place inside it (its towns and villages), or for an
 * area that contains it (its city, its province).
 */
export function regionMatches(itemRegions: readonly string[], query: string): boolean {
  return regionMatcher(query)(itemRegions)
}

/**
 * `regionMatches` for one query area, prepared once: for filtering many items, it avoids
 * re-reading the query code for each. An item region matches when it is the query area
 * or one above it (a code among the query's self-and-ancestors), or lies inside it
 * (starts with the query's significant prefix).
 */
export function regionMatcher(query: string): (itemRegions: readonly string[]) => boolean {
  const above = new Set(regionSelfAndAncestors(query))
  const prefix = regionPrefix(query)
  return (itemRegions) => {
    for (const r of itemRegions) if (above.has(r) || r.startsWith(prefix)) return true
    return false
  }
}
