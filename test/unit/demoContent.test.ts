import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { contentDraftSchema, departmentByCode, regionCovers, type ContentDraftInput } from '@zw/shared'
import { DEMO_POLICIES } from '../../server/src/content/demo/policies'
import { DEMO_INTERPRETATIONS } from '../../server/src/content/demo/interpretations'
import { DEMO_GUIDES } from '../../server/src/content/demo/guides'

const CORPUS_DIR = fileURLToPath(new URL('../../server/src/content/demo/corpus/', import.meta.url))

/** Parses a draft; on failure the zod issues are printed and the test fails with them. */
function expectValidDraft(label: string, draft: ContentDraftInput) {
  const result = contentDraftSchema.safeParse(draft)
  if (!result.success) console.error(label, JSON.stringify(result.error.issues, null, 2))
  expect(result.success ? [] : result.error.issues, label).toEqual([])
}

/** The body the seed builds: the file without its first `skipLines` lines. */
function bodyOf(file: string, skipLines: number): string {
  return readFileSync(CORPUS_DIR + file, 'utf8').split(/\r?\n/).slice(skipLines).join('\n').trim()
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

const fakeId = (i: number) => i.toString(16).padStart(24, '0')
const POLICY_IDS = new Map(DEMO_POLICIES.map((p, i) => [p.key, fakeId(i + 1)]))
const POLICY_BY_KEY = new Map(DEMO_POLICIES.map((p) => [p.key, p]))

describe('demo policies', () => {
  it('are the five corpus documents, each parsing as a policy draft with its body', () => {
    expect(DEMO_POLICIES).toHaveLength(5)
    expect(new Set(DEMO_POLICIES.map((p) => p.file)).size).toBe(5)
    for (const p of DEMO_POLICIES) {
      expectValidDraft(p.key, { ...p.draft, body: bodyOf(p.file, p.skipLines) })
    }
  })

  it('name corpus files that exist, and leave a non-empty body without page furniture', () => {
    for (const p of DEMO_POLICIES) {
      expect(existsSync(CORPUS_DIR + p.file), p.file).toBe(true)
      expect(p.draft.policy.source).toBe(`corpus/${p.file}`)
      const lines = readFileSync(CORPUS_DIR + p.file, 'utf8').split(/\r?\n/)
      expect(Number.isInteger(p.skipLines) && p.skipLines >= 0 && p.skipLines < lines.length, p.key).toBe(true)
      const body = bodyOf(p.file, p.skipLines)
      expect(body.length, p.key).toBeGreaterThan(1000)
      const head = body.split('\n').slice(0, 5).join('\n')
      for (const furniture of ['无障碍', '当前位置', '索 引 号', '发布时间:']) expect(head, p.key).not.toContain(furniture)
    }
  })

  it('keep the real metadata and say what the source does not give', () => {
    for (const p of DEMO_POLICIES) {
      const { policy, department, regions, summary } = p.draft
      expect(isCalendarDate(p.publishedOn), p.key).toBe(true)
      if (policy.writtenOn != null) expect(isCalendarDate(policy.writtenOn), p.key).toBe(true)
      const unknown = policy.unknownFields ?? []
      if (policy.docNumber === null) expect(unknown, p.key).toContain('文号')
      if (policy.writtenOn === null) expect(unknown, p.key).toContain('成文日期')
      expect(policy.disclosure).toBe('proactive')
      expect(summary?.length ?? 0, p.key).toBeGreaterThan(0)
      expect(summary!.length, p.key).toBeLessThanOrEqual(120)
      const dept = departmentByCode(department)!
      for (const r of regions) expect(regionCovers(dept.region, r), `${p.key} ${r}`).toBe(true)
    }
    const yinchuan = POLICY_BY_KEY.get('yinchuan-2018-key-points')!
    expect(yinchuan.indexNumber).toBe('640100-108/2018-46173')
    expect(yinchuan.publishedOn).toBe('2018-08-02')
    for (const p of DEMO_POLICIES) if (p.key !== yinchuan.key) expect(p.indexNumber, p.key).toBeNull()
  })
})

describe('demo interpretations', () => {
  it('parse as interpretation drafts once policyIds are filled in', () => {
    for (const i of DEMO_INTERPRETATIONS) {
      const policyIds = i.policyKeys.map((k) => POLICY_IDS.get(k) ?? 'missing')
      expectValidDraft(i.key, { ...i.draft, interpretation: { ...i.draft.interpretation, policyIds } })
    }
  })

  it('link only to known policies, on or after the policy date', () => {
    for (const i of DEMO_INTERPRETATIONS) {
      expect(i.policyKeys.length, i.key).toBeGreaterThan(0)
      expect(isCalendarDate(i.publishedOn), i.key).toBe(true)
      for (const k of i.policyKeys) {
        const policy = POLICY_BY_KEY.get(k)
        expect(policy, `${i.key} → ${k}`).toBeDefined()
        expect(i.publishedOn >= policy!.publishedOn, `${i.key} date`).toBe(true)
      }
    }
  })

  it('give every policy at least two interpretations in different forms, one of them 简明问答, and one 第一解读人', () => {
    for (const p of DEMO_POLICIES) {
      const mine = DEMO_INTERPRETATIONS.filter((i) => i.policyKeys.includes(p.key))
      const forms = mine.map((i) => i.draft.interpretation.form)
      expect(mine.length, p.key).toBeGreaterThanOrEqual(2)
      expect(new Set(forms).size, p.key).toBeGreaterThanOrEqual(2)
      expect(forms, p.key).toContain('qa')
      expect(mine.filter((i) => i.draft.interpretation.interpreter.isHead).length, p.key).toBe(1)
      for (const i of mine) expect(i.draft.interpretation.interpreter.department, i.key).toBe(p.draft.department)
    }
  })

  it('carry what each form needs', () => {
    for (const i of DEMO_INTERPRETATIONS) {
      const { form, qa = [], images = [], media, interpreter } = i.draft.interpretation
      const body = i.draft.body ?? ''
      switch (form) {
        case 'qa':
          expect(qa.length, i.key).toBeGreaterThanOrEqual(5)
          expect(qa.length, i.key).toBeLessThanOrEqual(8)
          break
        case 'graphic':
          expect(images.length, i.key).toBeGreaterThan(0)
          images.forEach((img, n) => expect(img.url, i.key).toBe(`/static/demo/graphic-${i.key}-${n + 1}.svg`))
          expect(body.length, `${i.key}: the text carries what the images show`).toBeGreaterThan(200)
          break
        case 'media':
          expect(media?.kind, i.key).toBe('audio')
          expect(media?.url, i.key).toBe('') // no recording exists for the demo: the page says so
          expect(media?.transcript.length ?? 0, i.key).toBeGreaterThan(200)
          break
        case 'interview':
          expect(interpreter.name, i.key).toBeTruthy()
          expect(body.length, i.key).toBeGreaterThan(200)
          break
        case 'text':
          expect(body.length, i.key).toBeGreaterThan(200)
          break
      }
      // simple HTML only
      const tags = [...body.matchAll(/<\/?([a-z0-9]+)[^>]*>/gi)].map((m) => m[1]!.toLowerCase())
      for (const t of tags) expect(['h2', 'p', 'ul', 'li', 'strong'], `${i.key} <${t}>`).toContain(t)
    }
  })

  it('are at least ten, in every form', () => {
    expect(DEMO_INTERPRETATIONS.length).toBeGreaterThanOrEqual(10)
    expect(new Set(DEMO_INTERPRETATIONS.map((i) => i.draft.interpretation.form))).toEqual(new Set(['text', 'graphic', 'media', 'qa', 'interview']))
  })
})

describe('demo guides', () => {
  it('are at least eight, each parsing as a guide draft', () => {
    expect(DEMO_GUIDES.length).toBeGreaterThanOrEqual(8)
    for (const g of DEMO_GUIDES) expectValidDraft(g.key, g.draft)
  })

  it('cover the services the brief names', () => {
    const titles = DEMO_GUIDES.map((g) => g.draft.title).join('|')
    for (const word of ['创业补贴', '城乡居民基本养老保险', '被征地农民', '临时救助', '最低生活保障']) expect(titles).toContain(word)
  })

  it('are free, list FAQs, show only demo phone numbers and sit in their department’s area', () => {
    for (const g of DEMO_GUIDES) {
      const { guide, department, regions } = g.draft
      expect(isCalendarDate(g.publishedOn), g.key).toBe(true)
      expect(guide.fee.charged, g.key).toBe(false)
      expect(guide.faq?.length ?? 0, g.key).toBeGreaterThanOrEqual(3)
      expect(guide.faq?.length ?? 0, g.key).toBeLessThanOrEqual(5)
      expect(guide.phone, g.key).toContain('演示号码')
      expect(guide.complaintPhone, g.key).toContain('演示号码')
      expect(guide.timeLimit.promisedDays, g.key).toBeLessThanOrEqual(guide.timeLimit.statutoryDays)
      const dept = departmentByCode(department)!
      for (const r of regions) expect(regionCovers(dept.region, r), `${g.key} ${r}`).toBe(true)
    }
  })

  it('use every department', () => {
    expect(new Set(DEMO_GUIDES.map((g) => g.draft.department)).size).toBe(5)
  })
})

describe('demo content keys', () => {
  it('are unique across policies, interpretations and guides', () => {
    const keys = [...DEMO_POLICIES, ...DEMO_INTERPRETATIONS, ...DEMO_GUIDES].map((x) => x.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const k of keys) expect(k).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})
