/**
 * Groups a citizen may say they belong to (self-declared, optional): push campaigns can
 * target them (xinxiang-2020 精准推送; shandong-2019 就业创业 for graduates, veterans …).
 */
export const CITIZEN_GROUPS = [
  { code: 'farmer', name: '农户' },
  { code: 'land-expropriated', name: '被征地农民' },
  { code: 'graduate', name: '高校毕业生' },
  { code: 'veteran', name: '退役军人' },
  { code: 'employment-difficulty', name: '就业困难人员' },
  { code: 'business-owner', name: '企业经营者' },
  { code: 'migrant-worker', name: '农民工' },
  { code: 'low-income', name: '低保及困难家庭' },
] as const
export type CitizenGroup = (typeof CITIZEN_GROUPS)[number]['code']
export const CITIZEN_GROUP_CODES = CITIZEN_GROUPS.map((g) => g.code) as readonly CitizenGroup[]
