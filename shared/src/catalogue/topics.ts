/**
 * 主题分类: the 26 pilot domains of 基层政务公开标准化规范化 (xinxiang-2020, from the
 * State Council's list) plus the themes of 精准推送. Codes are stable identifiers used in
 * data; names are what people see. Order is the order of the source document.
 */
export const PILOT_DOMAINS = [
  { code: 'urban-rural-planning', name: '城乡规划' },
  { code: 'major-projects', name: '重大建设项目' },
  { code: 'public-resource-trading', name: '公共资源交易' },
  { code: 'budget-final-accounts', name: '财政预决算' },
  { code: 'work-safety', name: '安全生产' },
  { code: 'tax-administration', name: '税收管理' },
  { code: 'land-acquisition-compensation', name: '征地补偿' },
  { code: 'housing-expropriation', name: '国有土地上房屋征收' },
  { code: 'affordable-housing', name: '保障性住房' },
  { code: 'rural-dilapidated-housing', name: '农村危房改造' },
  { code: 'environmental-protection', name: '环境保护' },
  { code: 'public-culture', name: '公共文化服务' },
  { code: 'public-legal-services', name: '公共法律服务' },
  { code: 'poverty-alleviation', name: '扶贫' },
  { code: 'disaster-relief', name: '救灾' },
  { code: 'food-drug-supervision', name: '食品药品监管' },
  { code: 'urban-law-enforcement', name: '城市综合执法' },
  { code: 'employment', name: '就业' },
  { code: 'social-insurance', name: '社会保险' },
  { code: 'social-assistance', name: '社会救助' },
  { code: 'elderly-care', name: '养老服务' },
  { code: 'household-registration', name: '户籍管理' },
  { code: 'agricultural-subsidies', name: '涉农补贴' },
  { code: 'compulsory-education', name: '义务教育' },
  { code: 'health-care', name: '医疗卫生' },
  { code: 'municipal-services', name: '市政服务' },
] as const

/**
 * Themes of targeted push (xinxiang-2020 精准推送, shandong-2019 就业创业补贴). Where a
 * theme is also a pilot domain it reuses that domain's code.
 */
export const PUSH_THEMES = [
  { code: 'land-acquisition-compensation', name: '征地补偿' },
  { code: 'demolition-resettlement', name: '拆迁安置' },
  { code: 'affordable-housing', name: '保障性住房' },
  { code: 'rural-dilapidated-housing', name: '危房改造' },
  { code: 'rural-revitalisation', name: '扶贫脱贫 / 乡村振兴' },
  { code: 'agricultural-subsidies', name: '涉农补贴' },
  { code: 'employment-subsidies', name: '就业创业补贴' },
] as const

type Entry = { readonly code: string; readonly name: string }
export type TopicCode = (typeof PILOT_DOMAINS)[number]['code'] | (typeof PUSH_THEMES)[number]['code']
export type Topic = { code: TopicCode; name: string; pilotDomain: boolean; pushTheme: boolean }

function buildTopics(): Topic[] {
  const byCode = new Map<string, Topic>()
  const add = (entry: Entry, kind: 'pilotDomain' | 'pushTheme') => {
    const existing = byCode.get(entry.code)
    if (existing) existing[kind] = true
    else byCode.set(entry.code, { code: entry.code as TopicCode, name: entry.name, pilotDomain: kind === 'pilotDomain', pushTheme: kind === 'pushTheme' })
  }
  PILOT_DOMAINS.forEach((d) => add(d, 'pilotDomain'))
  PUSH_THEMES.forEach((t) => add(t, 'pushTheme'))
  return [...byCode.values()]
}

/** Every topic once: pilot domains first, then push themes that are not pilot domains. */
export const TOPICS: readonly Topic[] = Object.freeze(buildTopics())
export const TOPIC_CODES = TOPICS.map((t) => t.code) as [TopicCode, ...TopicCode[]]

export function topicName(code: string): string | undefined {
  return TOPICS.find((t) => t.code === code)?.name
}
