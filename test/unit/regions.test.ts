import { describe, expect, it } from 'vitest'
import {
  isRegionCode,
  regionAncestors,
  regionCovers,
  regionLevel,
  regionMatches,
  regionSelfAndAncestors,
  type RegionLevel,
} from '../../shared/src/rules/regions'
import { REGIONS, regionByCode, regionChildren, regionFullName, regionName } from '../../shared/src/catalogue/regions'

const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, city: 1, county: 2, town: 3, village: 4 }

// 宁夏 银川市 兴庆区 and a town/village under it (the village code is only a well-formed
// example for the rules, not a table entry)
const PROVINCE = '640000000000'
const CITY = '640100000000'
const COUNTY = '640104000000'
const TOWN = '640104001000'
const VILLAGE = '640104001001'

describe('region code rules', () => {
  it('accepts a well-formed code at each level', () => {
    for (const code of [PROVINCE, CITY, COUNTY, TOWN, VILLAGE, '110000000000', '650000000000']) {
      expect(isRegionCode(code), code).toBe(true)
    }
  })

  it('rejects wrong length, non-digits, all zeros and gaps', () => {
    for (const code of [
      '',
      '64010400100', // 11 digits
      '6401040010011', // 13 digits
      '64010400100a',
      'ABCDEFGHIJKL',
      ' 64010400100',
      '６４０１０４００１００１', // full-width digits
      '000000000000',
      '006401000000', // no province
      '110005000000', // city part 00, county part non-zero
      '640004001000', // city part 00 under a town
      '640104000001', // town part 000, village part non-zero
    ]) {
      expect(isRegionCode(code), JSON.stringify(code)).toBe(false)
    }
  })

  it('knows the level of a code', () => {
    expect(regionLevel(PROVINCE)).toBe('province')
    expect(regionLevel(CITY)).toBe('city')
    expect(regionLevel(COUNTY)).toBe('county')
    expect(regionLevel(TOWN)).toBe('town')
    expect(regionLevel(VILLAGE)).toBe('village')
    expect(() => regionLevel('110005000000')).toThrow(RangeError)
    expect(() => regionLevel('6401')).toThrow(RangeError)
  })

  it('lists the ancestors from the province down', () => {
    expect(regionAncestors(VILLAGE)).toEqual([PROVINCE, CITY, COUNTY, TOWN])
    expect(regionAncestors(TOWN)).toEqual([PROVINCE, CITY, COUNTY])
    expect(regionAncestors(COUNTY)).toEqual([PROVINCE, CITY])
    expect(regionAncestors(PROVINCE)).toEqual([])
    expect(regionSelfAndAncestors(COUNTY)).toEqual([PROVINCE, CITY, COUNTY])
  })

  it('covers itself and what lies inside, nothing beside or above', () => {
    expect(regionCovers(COUNTY, COUNTY)).toBe(true)
    expect(regionCovers(COUNTY, TOWN)).toBe(true)
    expect(regionCovers(COUNTY, VILLAGE)).toBe(true)
    expect(regionCovers(PROVINCE, VILLAGE)).toBe(true)
    expect(regionCovers(TOWN, COUNTY)).toBe(false)
    expect(regionCovers(COUNTY, '640105000000')).toBe(false)
    expect(regionCovers(COUNTY, '640105001000')).toBe(false)
  })

  describe('matching content to a county query (兴庆区)', () => {
    const query = COUNTY
    it('matches items for its towns and villages', () => {
      expect(regionMatches([TOWN], query)).toBe(true)
      expect(regionMatches([VILLAGE], query)).toBe(true)
    })
    it('matches items for itself, its city and its province', () => {
      expect(regionMatches([COUNTY], query)).toBe(true)
      expect(regionMatches([CITY], query)).toBe(true)
      expect(regionMatches([PROVINCE], query)).toBe(true)
    })
    it('does not match a sibling county, its towns, another city or another province', () => {
      expect(regionMatches(['640105000000'], query)).toBe(false) // 西夏区
      expect(regionMatches(['640105001000'], query)).toBe(false) // a town of 西夏区
      expect(regionMatches(['640200000000'], query)).toBe(false) // 石嘴山市
      expect(regionMatches(['520000000000'], query)).toBe(false) // 贵州省
      expect(regionMatches(['520102000000'], query)).toBe(false) // 贵阳 南明区
      expect(regionMatches([], query)).toBe(false)
    })
    it('matches when any one of several tags matches', () => {
      expect(regionMatches(['520102000000', '640105000000', TOWN], query)).toBe(true)
    })
  })

  // Prefecture-level cities without counties (不设区的地级市: 东莞 4419, 中山 4420, 儋州 4604)
  // have real NBS town codes whose county part is 00.
  it('accepts town codes of cities without counties (东莞市 东城街道 441900003000)', () => {
    expect(isRegionCode('441900003000')).toBe(true)
    expect(regionLevel('441900003000')).toBe('town')
    expect(regionAncestors('441900003000')).toEqual(['440000000000', '441900000000'])
    expect(regionMatches(['441900000000'], '441900003000')).toBe(true)
  })

  it('rejects a province code that does not exist', () => {
    expect(isRegionCode('990000000000')).toBe(false)
    expect(isRegionCode('710000000000')).toBe(false)
  })
})

describe('region table', () => {
  it('has well-formed, unique codes and non-empty names', () => {
    const seen = new Set<string>()
    for (const r of REGIONS) {
      expect(isRegionCode(r.code), r.code).toBe(true)
      expect(seen.has(r.code), `duplicate ${r.code}`).toBe(false)
      seen.add(r.code)
      expect(r.name, r.code).toMatch(/^\S+$/)
      expect(r.name, r.code).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it('gives every entry its nearest listed ancestor as parent', () => {
    const codes = new Set(REGIONS.map((r) => r.code))
    for (const r of REGIONS) {
      const level = regionLevel(r.code)
      if (level === 'province') {
        expect(r.parent, r.code).toBeNull()
        continue
      }
      expect(r.parent, r.code).not.toBeNull()
      const parent = r.parent!
      expect(codes.has(parent), `${r.code} → ${parent}`).toBe(true)
      expect(regionCovers(parent, r.code), `${r.code} → ${parent}`).toBe(true)
      expect(LEVEL_RANK[regionLevel(parent)], `${r.code} → ${parent}`).toBeLessThan(LEVEL_RANK[level])
      const nearest = regionAncestors(r.code).filter((a) => codes.has(a)).at(-1)
      expect(parent, r.code).toBe(nearest)
    }
  })

  it('holds the 31 provincial-level divisions at the top', () => {
    const provinces = REGIONS.filter((r) => r.parent === null)
    expect(provinces).toHaveLength(31)
    for (const p of provinces) expect(regionLevel(p.code)).toBe('province')
    expect(regionChildren(null)).toEqual(provinces.toSorted((a, b) => a.code.localeCompare(b.code)))
    expect(regionName('110000000000')).toBe('北京市')
    expect(regionName('640000000000')).toBe('宁夏回族自治区')
    expect(regionName('650000000000')).toBe('新疆维吾尔自治区')
  })

  it('lists 银川市 and its six county-level divisions', () => {
    expect(regionChildren('640000000000').map((r) => r.code)).toEqual([CITY])
    expect(regionChildren(CITY).map((r) => [r.code, r.name])).toEqual([
      ['640104000000', '兴庆区'],
      ['640105000000', '西夏区'],
      ['640106000000', '金凤区'],
      ['640121000000', '永宁县'],
      ['640122000000', '贺兰县'],
      ['640181000000', '灵武市'],
    ])
  })

  it('has each demo city under its province with its counties and towns of one county', () => {
    const demo = [
      { city: '640100000000', name: '银川市', province: '640000000000', counties: 6 },
      { city: '520100000000', name: '贵阳市', province: '520000000000', counties: 10 },
      { city: '410700000000', name: '新乡市', province: '410000000000', counties: 12 },
      { city: '350400000000', name: '三明市', province: '350000000000', counties: 11 },
      { city: '370100000000', name: '济南市', province: '370000000000', counties: 12 },
    ]
    for (const d of demo) {
      expect(regionByCode(d.city), d.name).toEqual({ code: d.city, name: d.name, parent: d.province })
      const counties = regionChildren(d.city)
      // NBS-only development zones (code part 7x) are listed too but are not counted here
      expect(counties.filter((c) => !/^\d{4}7\d/.test(c.code)), d.name).toHaveLength(d.counties)
      const withTowns = counties.filter((c) => regionChildren(c.code).length >= 2)
      expect(withTowns.length, d.name).toBeGreaterThanOrEqual(1)
      for (const c of withTowns) for (const t of regionChildren(c.code)) expect(regionLevel(t.code)).toBe('town')
    }
  })

  it('uses the current 三明市 codes (三元区 350404 after the 2021 merger)', () => {
    expect(regionName('350404000000')).toBe('三元区')
    expect(regionName('350405000000')).toBe('沙县区')
    expect(regionByCode('350402000000')).toBeUndefined() // 梅列区, merged
    expect(regionByCode('350403000000')).toBeUndefined() // old 三元区 code
    expect(regionByCode('350427000000')).toBeUndefined() // 沙县, now 沙县区
  })

  it('keeps every child list sorted by code', () => {
    for (const code of [null, ...REGIONS.map((r) => r.code)]) {
      const codes = regionChildren(code).map((r) => r.code)
      expect(codes, String(code)).toEqual(codes.toSorted())
    }
  })

  it('hands out copies of child lists', () => {
    const list = regionChildren(CITY)
    list.pop()
    expect(regionChildren(CITY)).toHaveLength(6)
  })

  it('builds full names from the province down', () => {
    expect(regionFullName('640104000000')).toBe('宁夏回族自治区 银川市 兴庆区')
    expect(regionFullName('640104001000')).toBe('宁夏回族自治区 银川市 兴庆区 凤凰北街街道')
    expect(regionFullName('370102001000')).toBe('山东省 济南市 历下区 解放路街道')
    expect(regionFullName('640000000000')).toBe('宁夏回族自治区')
    expect(regionFullName(VILLAGE)).toBeUndefined()
    expect(regionFullName('nope')).toBeUndefined()
  })

  it('answers undefined or nothing for unknown codes', () => {
    expect(regionByCode('999999999999')).toBeUndefined()
    expect(regionName('640199000000')).toBeUndefined()
    expect(regionChildren('640199000000')).toEqual([])
    expect(regionChildren(VILLAGE)).toEqual([])
  })
})
