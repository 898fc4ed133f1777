import { z } from '../zod'

/**
 * 错敏词: error-prone wordings with their correct form, checked before publication. The
 * platform admin's setting extends this list; these defaults are names that changed in
 * the 2018 reform of State Council bodies and common slips in official names.
 */
export interface WordingRule {
  /** The wrong or outdated wording, exactly as it would appear. */
  wrong: string
  /** What to write instead. */
  right: string
  /** Why, in a few words. */
  note: string
  /** Not a match when the next character is one of these (环境保护部门 is not 环境保护部). */
  notFollowedBy?: string
}

export const DEFAULT_WORDING_RULES: readonly WordingRule[] = [
  { wrong: '中华人民共合国', right: '中华人民共和国', note: '国名错字' },
  { wrong: '国家发改委', right: '国家发展改革委', note: '规范简称' },
  { wrong: '国土资源部', right: '自然资源部', note: '2018年机构改革后名称', notFollowedBy: '门' },
  { wrong: '环境保护部', right: '生态环境部', note: '2018年机构改革后名称', notFollowedBy: '门' },
  { wrong: '国家卫生计生委', right: '国家卫生健康委', note: '2018年机构改革后名称' },
  { wrong: '国家卫生和计划生育委员会', right: '国家卫生健康委员会', note: '2018年机构改革后名称' },
  { wrong: '国家工商行政管理总局', right: '国家市场监督管理总局', note: '2018年机构改革后名称' },
  { wrong: '国家旅游局', right: '文化和旅游部', note: '2018年机构改革后名称' },
  { wrong: '文化部', right: '文化和旅游部', note: '2018年机构改革后名称', notFollowedBy: '门' },
  { wrong: '国家安全生产监督管理总局', right: '应急管理部', note: '2018年机构改革后名称' },
  { wrong: '政府信息公开条例（2008）', right: '《中华人民共和国政府信息公开条例》（2019年修订）', note: '引用现行条例' },
]

/** A 错敏词 rule as a platform admin edits it. */
export const wordingRuleSchema = z.object({
  wrong: z.string().trim().min(1, { error: '请填写错误写法' }).max(50, { error: '错误写法不能超过 50 字' }),
  right: z.string().trim().min(1, { error: '请填写正确写法' }).max(100, { error: '正确写法不能超过 100 字' }),
  note: z.string().trim().max(100, { error: '说明不能超过 100 字' }).default(''),
  notFollowedBy: z.string().trim().max(10, { error: '排除字符不能超过 10 个' }).optional(),
})

/** The whole list, replaced at once; each wrong wording once. */
export const wordingRulesBodySchema = z.object({
  rules: z
    .array(wordingRuleSchema)
    .max(2000, { error: '最多 2000 条' })
    .superRefine((rules, ctx) => {
      const seen = new Set<string>()
      rules.forEach((r, i) => {
        if (seen.has(r.wrong)) ctx.addIssue({ code: 'custom', message: `「${r.wrong}」重复`, path: [i, 'wrong'] })
        seen.add(r.wrong)
        if (r.wrong === r.right) ctx.addIssue({ code: 'custom', message: '正确写法与错误写法相同', path: [i, 'right'] })
      })
    }),
})
export const wordingRulesSchema = z
  .object({ rules: z.array(wordingRuleSchema), isDefault: z.boolean() })
  .meta({ id: 'WordingRules' })
