import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ConsultationList } from '@zw/shared'
import { api } from '@/api'
import { Page } from '@/components/Page'
import { Empty, Failure, Loading } from '@/components/StateViews'
import { consultationPath } from '@/lib/citizenPages'
import { errorMessage } from '@/lib/errors'
import { openPage } from '@/lib/routes'
import { Choices } from '../../lib/Choices'
import { consultationWhen } from '../../lib/forms'
import '../interaction.css'

const FILTERS = { all: '全部', open: '征集中', scheduled: '未开始', closed: '已结束', reported: '已反馈' } as const
type Filter = keyof typeof FILTERS

/** 征求意见: drafts published for comment, with their status and dates. */
export default function Consultations() {
  const [filter, setFilter] = useState<Filter>('all')
  const [list, setList] = useState<ConsultationList['consultations']>()
  const [error, setError] = useState('')
  const load = () =>
    api.call('listConsultations', { query: filter === 'all' ? {} : { status: filter } }).then(
      (r) => (setList(r.consultations), setError('')),
      (err: unknown) => setError(errorMessage(err)),
    )
  useEffect(() => void load(), [filter])
  return (
    <Page>
      <View className='ia-title' role='heading' aria-level={1}>征求意见</View>
      <Choices label='状态' field='status' options={FILTERS} value={filter} onChange={setFilter} />
      {error ? <Failure message={error} onRetry={() => void load()} /> : null}
      {!list && !error ? <Loading /> : null}
      {list && list.length === 0 ? <Empty text='没有这个状态的征求意见' /> : null}
      <View data-testid='consultation-list'>
        {(list ?? []).map((c) => (
          <View key={c.id} className='ia-row' role='link' data-testid='consultation-row' data-id={c.id} onClick={() => openPage(consultationPath(c.id))}>
            <Text className={'ia-state' + (c.status === 'open' ? ' ia-state-open' : '')}>{c.statusLabel}</Text>
            <Text className='ia-row-title'>{c.title}</Text>
            <Text className='ia-row-meta'>{c.departmentName} · {consultationWhen(c)} · 收到意见 {c.commentCount} 条</Text>
          </View>
        ))}
      </View>
    </Page>
  )
}
