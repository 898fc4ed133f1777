import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ConsultationList } from '@zw/shared'
import { Page } from '@/components/Page'
import { Section } from '@/components/Section'
import { api } from '@/api'
import { consultationPath, CONSULTATIONS_PATH, messageWritePath, MY_MESSAGES_PATH, PUBLIC_MESSAGES_PATH } from '@/lib/citizenPages'
import { openPage } from '@/lib/routes'
import { consultationWhen } from '../../lib/forms'
import '../interaction.css'

/** 互动交流: write a message, follow one's own, read the public answers, and the consultations open for comment. */
export default function InteractionHome() {
  const [open, setOpen] = useState<ConsultationList['consultations']>([])
  useEffect(() => {
    api.call('listConsultations', { query: { status: 'open' } }).then((r) => setOpen(r.consultations), () => undefined)
  }, [])
  const entry = (label: string, hint: string, path: string, testId: string) => (
    <View className='ia-entry' role='link' data-testid={testId} onClick={() => openPage(path)}>
      <Text className='ia-entry-label'>{label}</Text>
      <Text className='ia-entry-hint'>{hint}</Text>
    </View>
  )
  return (
    <Page>
      <View className='ia-title' role='heading' aria-level={1}>互动交流</View>
      {entry('写留言', '咨询、建议、投诉，按时答复', messageWritePath(), 'write-message')}
      {entry('我的留言', '查看办理进度和答复', MY_MESSAGES_PATH, 'my-messages')}
      {entry('公开留言', '看看别人问了什么', PUBLIC_MESSAGES_PATH, 'public-messages')}
      {entry('征求意见', '对政策草案提出您的意见', CONSULTATIONS_PATH, 'consultations')}
      {open.length ? (
        <Section title='正在征集意见'>
          {open.map((c) => (
            <View key={c.id} className='ia-row' role='link' data-testid='open-consultation' onClick={() => openPage(consultationPath(c.id))}>
              <Text className='ia-state ia-state-open'>{c.statusLabel}</Text>
              <Text className='ia-row-title'>{c.title}</Text>
              <Text className='ia-row-meta'>{c.departmentName} · {consultationWhen(c)}</Text>
            </View>
          ))}
        </Section>
      ) : null}
    </Page>
  )
}
