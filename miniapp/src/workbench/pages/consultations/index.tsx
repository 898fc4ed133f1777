import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ConsultationList } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

const go = (url: string) => void Taro.navigateTo({ url })

/** 征求意见 of the department: drafts, 未开始, 征集中, 已结束 (report due), 已反馈, 已归档. */
export default function ConsultationsPage() {
  const staff = savedSession()?.staff
  const [list, setList] = useState<ConsultationList['consultations']>()
  const [error, setError] = useState('')
  const load = () => asStaff((c) => c.call('listStaffConsultations', {})).then((r) => (setList(r.consultations), setError('')), (err: unknown) => setError(errorMessage(err)))
  useEffect(() => void load(), [])
  Taro.useDidShow(() => void load())
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  return (
    <View className='workbench'>
      <Text className='workbench-title'>征求意见</Text>
      <Text className='workbench-text'>发布后按开始、结束时间（北京时间）自动开始和结束征集；结束后须发布意见采纳情况反馈，才能归档。</Text>
      <View className='wb-button' role='button' data-testid='new-consultation' onClick={() => go('/workbench/pages/consultation/index?new=1')}>
        <Text>起草征求意见</Text>
      </View>
      <ErrorNotice error={error} />
      {list && list.length === 0 ? <Text className='workbench-text'>还没有征求意见。</Text> : null}
      <View data-testid='consultation-list'>
        {(list ?? []).map((c) => (
          <View key={c.id} className={'wb-list-row wb-task' + (c.status === 'closed' ? ' wb-task-overdue' : '')} role='link' data-testid='consultation-row' data-id={c.id} data-status={c.status} onClick={() => go(`/workbench/pages/consultation/index?id=${c.id}`)}>
            <Text className='wb-task-kind'>{c.statusLabel}{c.status === 'closed' ? ' · 待发布反馈' : ''}</Text>
            <Text className='wb-task-title'>{c.title}</Text>
            <Text className='wb-task-meta'>{c.startAtText} 至 {c.endAtText} · 意见 {c.commentCount} 条</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
