import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { CONTENT_STATUS_LABELS, INTERPRETATION_FORM_LABELS, TOPICS, type StaffItemList, type TopicCode } from '@zw/shared'
import { Area, Chips, Field, Rows } from './Fields'
import { asStaff } from './session'
import { bodyOfLines, linesOfBody, type InterpretationDraft } from './typedDrafts'

/** Forms the workbench writes; 图解 and 音视频 need pictures or recordings (imported by an administrator). */
const FORMS = (['qa', 'text', 'interview'] as const).map((value) => ({ value, text: INTERPRETATION_FORM_LABELS[value] }))

/**
 * 政策解读: which policies of the department it interprets (drafts included, for 三同步),
 * its form, the interpreter (第一解读人 when the head speaks), the text and the Q&A pairs.
 */
export function InterpretationFields({ draft, onChange }: { draft: InterpretationDraft; onChange: (d: InterpretationDraft) => void }) {
  const [policies, setPolicies] = useState<StaffItemList['items']>([])
  const [bodyText, setBodyText] = useState(() => linesOfBody(draft.body))
  useEffect(() => {
    void asStaff((c) => c.call('listStaffItems', { query: {} }))
      .then((r) => setPolicies(r.items.filter((i) => i.type === 'policy' && i.status !== 'unpublished')))
      .catch(() => undefined)
  }, [])
  const part = draft.interpretation
  const set = (patch: Partial<InterpretationDraft>) => onChange({ ...draft, ...patch })
  const setPart = (patch: Partial<InterpretationDraft['interpretation']>) => set({ interpretation: { ...part, ...patch } })
  const qa = part.qa ?? []
  return (
    <View>
      <Field label='标题' value={draft.title} onInput={(title) => set({ title })} placeholder='例如：《某某办法》政策问答' />
      <Chips
        label='解读的政策文件（可多选）'
        options={policies.map((p) => ({ value: p.id, text: `${p.title}（${CONTENT_STATUS_LABELS[p.status]}）` }))}
        selected={part.policyIds}
        onToggle={(id) => setPart({ policyIds: part.policyIds.includes(id) ? part.policyIds.filter((x) => x !== id) : [...part.policyIds, id] })}
      />
      <Chips label='解读形式' options={FORMS} selected={[part.form as (typeof FORMS)[number]['value']]} onToggle={(form) => setPart({ form })} />
      <Chips label='主题分类' options={TOPICS.map((t) => ({ value: t.code as TopicCode, text: t.name }))} selected={draft.topics} onToggle={(code) => set({ topics: [code] })} />
      <View className='wb-field'>
        <Text className='wb-label'>解读人</Text>
        <Input className='wb-input' aria-label='解读人' placeholder='姓名和职务（可不填）' value={part.interpreter.name ?? ''} onInput={(e) => setPart({ interpreter: { ...part.interpreter, name: e.detail.value || undefined } })} />
        <View className={'wb-check' + (part.interpreter.isHead ? ' wb-check-on' : '')} role='checkbox' aria-checked={!!part.interpreter.isHead} onClick={() => setPart({ interpreter: { ...part.interpreter, isHead: !part.interpreter.isHead } })}>
          <Text>{part.interpreter.isHead ? '☑' : '☐'} 主要负责人解读（第一解读人）</Text>
        </View>
      </View>
      <Field label='摘要' value={draft.summary ?? ''} onInput={(summary) => set({ summary })} />
      <Area
        label='正文（每行一段）'
        value={bodyText}
        onInput={(text) => {
          setBodyText(text)
          set({ body: bodyOfLines(text) })
        }}
      />
      <Rows
        label='简明问答'
        testId='qa'
        rows={qa}
        blank={() => ({ q: '', a: '' })}
        onChange={(rows) => setPart({ qa: rows })}
        render={(row, setRow, i) => (
          <View>
            <Field label={`问题 ${i + 1}`} value={row.q} onInput={(q) => setRow({ ...row, q })} placeholder='群众最关心的问题，用口语说' />
            <Area label={`回答 ${i + 1}`} value={row.a} onInput={(a) => setRow({ ...row, a })} placeholder='直接回答：谁、多少、去哪办、要带什么' />
          </View>
        )}
      />
    </View>
  )
}
