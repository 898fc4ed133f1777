import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { MATERIAL_FORM_LABELS, MATERIAL_FORMS, ONLINE_LEVEL_LABELS, ONLINE_LEVELS, TOPICS, type TopicCode } from '@zw/shared'
import { Area, Chips, Field, Rows } from './Fields'
import type { GuideDraft } from './typedDrafts'

const toDays = (v: string) => Math.max(0, Math.min(365, Number.parseInt(v, 10) || 0))

/** 办事指南, field by field as the public page shows it: basis, conditions, materials, steps, time limits, fees, where and when, online, FAQ, complaints. */
export function GuideFields({ draft, onChange }: { draft: GuideDraft; onChange: (d: GuideDraft) => void }) {
  const g = draft.guide
  const set = (patch: Partial<GuideDraft>) => onChange({ ...draft, ...patch })
  const setGuide = (patch: Partial<GuideDraft['guide']>) => set({ guide: { ...g, ...patch } })
  const fee = g.fee
  const [conditionsText, setConditionsText] = useState(() => g.conditions.join('\n'))
  return (
    <View>
      <Field label='事项名称' value={draft.title} onInput={(title) => set({ title })} placeholder='例如：就业创业补贴申领' />
      <Chips label='主题分类' options={TOPICS.map((t) => ({ value: t.code as TopicCode, text: t.name }))} selected={draft.topics} onToggle={(code) => set({ topics: [code] })} />
      <Field label='摘要' value={draft.summary ?? ''} onInput={(summary) => set({ summary })} placeholder='一句话说清谁可以办' />
      <Area label='设定依据' value={g.legalBasis} onInput={(legalBasis) => setGuide({ legalBasis })} />
      <Area
        label='申办条件（每行一条）'
        value={conditionsText}
        onInput={(t) => {
          setConditionsText(t)
          setGuide({ conditions: t.split('\n').map((l) => l.trim()).filter(Boolean) })
        }}
      />
      <Rows
        label='申办材料'
        testId='materials'
        rows={g.materials}
        blank={() => ({ name: '', form: 'original' as const, count: 1 })}
        onChange={(materials) => setGuide({ materials })}
        render={(m, setRow, i) => (
          <View>
            <Field label={`材料 ${i + 1} 名称`} value={m.name} onInput={(name) => setRow({ ...m, name })} />
            <Chips label='原件或复印件' options={MATERIAL_FORMS.map((f) => ({ value: f, text: MATERIAL_FORM_LABELS[f] }))} selected={[m.form ?? 'original']} onToggle={(form) => setRow({ ...m, form })} />
            <Field label='份数' number value={String(m.count ?? 1)} onInput={(v) => setRow({ ...m, count: Math.max(1, toDays(v)) })} />
          </View>
        )}
      />
      <Rows
        label='办理流程'
        testId='steps'
        rows={g.steps}
        blank={() => ({ title: '', description: '' })}
        onChange={(steps) => setGuide({ steps })}
        render={(s, setRow, i) => (
          <View>
            <Field label={`第 ${i + 1} 步`} value={s.title} onInput={(title) => setRow({ ...s, title })} placeholder='例如：提交申请' />
            <Area label={`第 ${i + 1} 步说明`} value={s.description} onInput={(description) => setRow({ ...s, description })} />
          </View>
        )}
      />
      <Field label='法定办结时限（工作日）' number value={String(g.timeLimit.statutoryDays)} onInput={(v) => setGuide({ timeLimit: { ...g.timeLimit, statutoryDays: toDays(v) } })} />
      <Field label='承诺办结时限（工作日）' number value={String(g.timeLimit.promisedDays)} onInput={(v) => setGuide({ timeLimit: { ...g.timeLimit, promisedDays: toDays(v) } })} />
      <Chips label='收费' options={[{ value: 'free', text: '不收费' }, { value: 'charged', text: '收费' }] as const} selected={[fee.charged ? 'charged' : 'free']} onToggle={(v) => setGuide({ fee: v === 'charged' ? { charged: true, standard: '', basis: '' } : { charged: false } })} />
      {fee.charged ? (
        <View>
          <Field label='收费标准' value={fee.standard} onInput={(standard) => setGuide({ fee: { ...fee, standard } })} />
          <Field label='收费依据' value={fee.basis} onInput={(basis) => setGuide({ fee: { ...fee, basis } })} />
        </View>
      ) : null}
      <Field label='办理地点' value={g.place} onInput={(place) => setGuide({ place })} />
      <Field label='办理时间' value={g.hours} onInput={(hours) => setGuide({ hours })} />
      <Field label='咨询电话' value={g.phone} onInput={(phone) => setGuide({ phone })} />
      <Chips label='网上办理' options={ONLINE_LEVELS.map((l) => ({ value: l, text: ONLINE_LEVEL_LABELS[l] }))} selected={[g.online.level]} onToggle={(level) => setGuide({ online: { ...g.online, level } })} />
      {g.online.level !== 'none' ? <Field label='网上办理入口' value={g.online.entry ?? ''} onInput={(entry) => setGuide({ online: { ...g.online, entry: entry || undefined } })} placeholder='网址' /> : null}
      <Rows
        label='常见问题'
        testId='faq'
        rows={g.faq ?? []}
        blank={() => ({ q: '', a: '' })}
        onChange={(faq) => setGuide({ faq })}
        render={(row, setRow, i) => (
          <View>
            <Field label={`问题 ${i + 1}`} value={row.q} onInput={(q) => setRow({ ...row, q })} />
            <Area label={`回答 ${i + 1}`} value={row.a} onInput={(a) => setRow({ ...row, a })} />
          </View>
        )}
      />
      <Field label='监督投诉电话' value={g.complaintPhone} onInput={(complaintPhone) => setGuide({ complaintPhone })} />
      <Text className='workbench-text'>保存时会检查每一项是否填写完整。</Text>
    </View>
  )
}
