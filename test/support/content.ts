/** Builders of valid drafts for tests; override what a test is about. */
import { contentDraftSchema, type ContentDraft, type ContentDraftInput } from '@zw/shared'
import type { Types } from 'mongoose'
import { createDraft } from '../../server/src/content/draftCreator'
import { publishItem } from '../../server/src/content/itemPublisher'

type PolicyInput = Extract<ContentDraftInput, { type: 'policy' }>
type InterpretationInput = Extract<ContentDraftInput, { type: 'interpretation' }>
type GuideInput = Extract<ContentDraftInput, { type: 'guide' }>

export function policyDraft(o: Omit<Partial<PolicyInput>, 'policy'> & { policy?: Partial<PolicyInput['policy']> } = {}): ContentDraft {
  const { policy, ...rest } = o
  return contentDraftSchema.parse({
    type: 'policy',
    title: '关于做好2026年就业创业补贴申领工作的通知',
    department: 'guiyang-hrss',
    topics: ['employment-subsidies'],
    regions: ['520100000000'],
    summary: '明确就业创业补贴的对象、标准和申领流程。',
    body: '<p>各区（市、县）人力资源和社会保障局：</p><p>现就做好就业创业补贴申领工作通知如下。</p>',
    ...rest,
    policy: { docNumber: '筑人社发〔2026〕1号', writtenOn: '2026-03-01', issuer: '贵阳市人力资源和社会保障局', validity: { status: 'valid' }, disclosure: 'proactive', ...policy },
  } satisfies PolicyInput)
}

export function interpretationDraft(policyIds: string[], o: Omit<Partial<InterpretationInput>, 'interpretation'> & { interpretation?: Partial<InterpretationInput['interpretation']> } = {}): ContentDraft {
  const { interpretation, ...rest } = o
  return contentDraftSchema.parse({
    type: 'interpretation',
    title: '一图读懂就业创业补贴',
    department: 'guiyang-hrss',
    topics: ['employment-subsidies'],
    regions: ['520100000000'],
    summary: '补贴给谁、补多少、怎么领。',
    body: '<p>本解读说明补贴对象和申领方式。</p>',
    ...rest,
    interpretation: { policyIds, form: 'qa', interpreter: { department: 'guiyang-hrss', isHead: false }, qa: [{ q: '谁可以申领？', a: '在本市登记失业的人员。' }], ...interpretation },
  } satisfies InterpretationInput)
}

export function guideDraft(o: Omit<Partial<GuideInput>, 'guide'> & { guide?: Partial<GuideInput['guide']> } = {}): ContentDraft {
  const { guide, ...rest } = o
  return contentDraftSchema.parse({
    type: 'guide',
    title: '城乡居民养老保险参保登记',
    department: 'shandong-hrss',
    topics: ['social-insurance'],
    regions: ['370000000000'],
    summary: '年满16周岁、不在校的城乡居民可以参保。',
    ...rest,
    guide: {
      legalBasis: '《中华人民共和国社会保险法》',
      conditions: ['年满16周岁（不含在校学生）'],
      materials: [{ name: '居民身份证', form: 'original', count: 1 }],
      steps: [{ title: '申请', description: '到村（社区）服务站提出申请。' }],
      timeLimit: { statutoryDays: 5, promisedDays: 1 },
      fee: { charged: false },
      place: '各乡镇（街道）便民服务中心',
      hours: '工作日 9:00-17:00',
      phone: '0531-1234 5678（演示号码）',
      online: { level: 'full' },
      faq: [],
      complaintPhone: '12345',
      ...guide,
    },
  } satisfies GuideInput)
}

/** Creates the draft and publishes it at `at` (as the review workflow would). */
export async function published(draft: ContentDraft, at: Date, originalIndexNumber?: string): Promise<string> {
  const id: Types.ObjectId = await createDraft(draft, at)
  await publishItem(id, at, { originalIndexNumber })
  return id.toString()
}
