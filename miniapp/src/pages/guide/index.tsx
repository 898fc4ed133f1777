import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { MATERIAL_FORM_LABELS, ONLINE_LEVEL_LABELS } from '@zw/shared'
import { Attachments, DetailFooter, DetailHeader, Links, RichBody } from '@/components/Detail'
import { Page } from '@/components/Page'
import { QaList } from '@/components/QaList'
import { Section } from '@/components/Section'
import { PendingPage } from '@/components/StateViews'
import { departmentFullName, phoneNumbers, workingDays } from '@/lib/format'
import { callPhone, openLink } from '@/lib/open'
import { useItem, type DetailOf } from '@/lib/useItem'
import './index.css'

type Guide = DetailOf<'guide'>['guide']

/** 申办材料 as a checklist the citizen ticks while getting papers ready (kept on this page only). */
function Materials({ materials }: { materials: Guide['materials'] }) {
  const [ticked, setTicked] = useState<ReadonlySet<number>>(() => new Set())
  const toggle = (i: number) =>
    setTicked((prev) => {
      const next = new Set(prev)
      if (next.has(i)) next.delete(i)
      else next.add(i)
      return next
    })
  return (
    <View className='materials'>
      <Text className='plain materials-hint'>
        准备好一样就点一下打勾，方便对照（只在本页记录）。已备齐 {ticked.size} / {materials.length} 项。
      </Text>
      {materials.map((m, i) => {
        const done = ticked.has(i)
        return (
          <View
            key={i}
            className={'material-row' + (done ? ' material-done' : '')}
            role='checkbox'
            aria-checked={done}
            onClick={() => toggle(i)}
          >
            <View className={'checkbox' + (done ? ' checkbox-on' : '')} aria-hidden='true'>
              <Text className='checkbox-mark'>{done ? '✓' : ''}</Text>
            </View>
            <View className='material-body'>
              <Text className='material-name'>{m.name}</Text>
              <Text className='material-form'>
                {MATERIAL_FORM_LABELS[m.form]} {m.count} 份
              </Text>
              {m.notes && <Text className='material-notes'>{m.notes}</Text>}
            </View>
          </View>
        )
      })}
    </View>
  )
}

function PhoneButtons({ label, raw }: { label: string; raw: string }) {
  const numbers = phoneNumbers(raw)
  if (!numbers.length) {
    return (
      <Text className='plain'>
        {label}：{raw}
      </Text>
    )
  }
  return (
    <>
      {numbers.map((n) => (
        <View key={n.number} className='btn phone-btn' role='button' aria-label={`拨打${label} ${n.text}`} onClick={() => callPhone(n.number)}>
          <Text className='phone-label'>拨打{label}</Text>
          <Text className='phone-number'>{n.text}</Text>
        </View>
      ))}
    </>
  )
}

export default function GuidePage() {
  const { state, reload } = useItem('guide')

  if (state.kind !== 'ready') return <PendingPage state={state} onRetry={() => void reload()} home />
  const { item } = state
  const g = item.guide
  const entry = g.online.entry
  const entryIsUrl = !!entry && /^https?:\/\//i.test(entry)
  return (
    <Page>
      <DetailHeader type='guide' title={item.title} withdrawal={item.withdrawal}>
        <Text className='detail-sub'>办理部门：{departmentFullName(item.department)}</Text>
      </DetailHeader>

      {item.summary && <Text className='lead'>{item.summary}</Text>}

      <Section title='设定依据'>
        <Text className='plain pre' userSelect>
          {g.legalBasis}
        </Text>
      </Section>

      <Section title='申办条件'>
        <View className='bullets'>
          {g.conditions.map((c, i) => (
            <View key={i} className='bullet'>
              <Text className='bullet-mark'>{i + 1}.</Text>
              <Text className='bullet-text'>{c}</Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title='申办材料'>
        <Materials materials={g.materials} />
      </Section>

      <Section title='办理流程'>
        <View className='steps'>
          {g.steps.map((s, i) => (
            <View key={i} className='step'>
              <Text className='step-title'>
                第 {i + 1} 步：{s.title}
              </Text>
              <Text className='step-text'>{s.description}</Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title='办理时限'>
        <Text className='plain'>
          法定 {workingDays(g.timeLimit.statutoryDays)} / 承诺 {workingDays(g.timeLimit.promisedDays)}
        </Text>
      </Section>

      <Section title='收费'>
        {g.fee.charged ? (
          <>
            <Text className='plain'>收费标准：{g.fee.standard}</Text>
            <Text className='plain'>收费依据：{g.fee.basis}</Text>
          </>
        ) : (
          <Text className='plain fee-free'>不收费</Text>
        )}
      </Section>

      <Section title='办理地点和时间'>
        <Text className='plain'>办理地点：{g.place}</Text>
        <Text className='plain'>办理时间：{g.hours}</Text>
      </Section>

      <Section title='网上办理'>
        <Text className='plain'>{ONLINE_LEVEL_LABELS[g.online.level]}</Text>
        {entry &&
          (entryIsUrl ? (
            <View className='row-link' role='link' onClick={() => openLink(entry)}>
              <Text className='row-link-title'>办理入口</Text>
              <Text className='row-link-sub'>{process.env.TARO_ENV === 'h5' ? '点击打开网上办理页面' : '点击复制网址，可粘贴到浏览器打开'}</Text>
            </View>
          ) : (
            <Text className='plain'>办理入口：{entry}</Text>
          ))}
      </Section>

      {item.body.trim() && (
        <Section title='详细说明'>
          <RichBody html={item.body} />
        </Section>
      )}

      {g.faq.length > 0 && (
        <Section title='常见问题'>
          <QaList pairs={g.faq} />
        </Section>
      )}

      <Section title='咨询和投诉电话'>
        <PhoneButtons label='咨询电话' raw={g.phone} />
        <PhoneButtons label='监督投诉电话' raw={g.complaintPhone} />
      </Section>

      <Attachments items={item.attachments} />
      <Links items={item.links} />
      <DetailFooter item={item} />
    </Page>
  )
}
