import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyMessage } from '@zw/shared'
import { Page } from '@/components/Page'
import { Section } from '@/components/Section'
import { Failure, Loading } from '@/components/StateViews'
import { asCitizen } from '@/lib/citizenSession'
import { errorMessage } from '@/lib/errors'
import '../interaction.css'

/** One message as its writer follows it: state, when the answer is due, the answer. */
export default function MessageDetail() {
  const id = useRouter().params.id ?? ''
  const [m, setM] = useState<MyMessage>()
  const [error, setError] = useState('')
  const load = () =>
    asCitizen((c) => c.call('getMyMessage', { params: { id } })).then(
      (r) => (setM(r), setError('')),
      (err: unknown) => setError(errorMessage(err)),
    )
  useEffect(() => void load(), [id])
  if (error) return <Page><Failure message={error} onRetry={() => void load()} /></Page>
  if (!m) return <Page><Loading /></Page>
  return (
    <Page>
      <View className='ia-title' role='heading' aria-level={1}>留言详情</View>
      <View className='ia-row' data-testid='message-state' data-state={m.state}>
        <Text className='ia-state'>{m.stateLabel}</Text>
        <Text className='ia-row-title'>{m.title}</Text>
        <Text className='ia-row-meta' data-testid='tracking-number'>留言编号 {m.trackingNumber} · {m.categoryLabel} · {m.departmentName}</Text>
        <Text className='ia-row-meta'>{m.receivedOn} 收到{m.dueDate ? ` · 最迟 ${m.dueDate} 答复` : ''}</Text>
        {m.state === 'moderation' ? <Text className='ia-row-meta'>留言内容正在审核，审核通过后由部门办理，答复期限从收到之日起计算。</Text> : null}
      </View>
      {m.reply ? (
        <Section title='答复'>
          <View className='ia-reply' data-testid='message-reply'>
            <Text className='ia-text'>{m.reply.text}</Text>
            <Text className='ia-row-meta'>{m.reply.department} · {m.reply.answeredOn}</Text>
          </View>
          {m.shownInPublic ? <Text className='ia-hint'>您同意公开，这条留言和答复已在“公开留言”中展示（个人信息已隐去）。</Text> : null}
        </Section>
      ) : null}
      {m.rejection !== null ? (
        <Section title='未予受理'>
          <Text className='ia-text' data-testid='message-rejection'>{m.rejection || '留言内容不符合要求，未予受理。'}</Text>
        </Section>
      ) : null}
      <Section title='留言内容'>
        {m.item ? <Text className='ia-row-meta'>关于：{m.item.title}</Text> : null}
        <Text className='ia-text'>{m.text}</Text>
        {m.personalDataWarning ? <Text className='ia-warn'>{m.personalDataWarning}</Text> : null}
        <Text className='ia-hint'>{m.public ? '您同意在答复后公开这条留言。' : '您选择不公开这条留言。'}</Text>
      </Section>
    </Page>
  )
}
