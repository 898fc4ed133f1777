import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DisclosureList } from '@zw/shared'
import { Page } from '@/components/Page'
import { Failure, Loading } from '@/components/StateViews'
import { asCitizen } from '@/lib/citizenSession'
import { errorMessage } from '@/lib/errors'
import { openPage } from '@/lib/routes'
import { DISCLOSURE_APPLY_PATH, disclosureDetailPath } from '../../lib/form'
import '../disclosure.css'

/** 我的申请: every application the citizen made, newest first, with its state and deadline. */
export default function MyApplications() {
  const [list, setList] = useState<DisclosureList['applications']>()
  const [error, setError] = useState('')
  const load = () =>
    asCitizen((c) => c.call('listMyDisclosures', {})).then(
      (r) => (setList(r.applications), setError('')),
      (err: unknown) => setError(errorMessage(err)),
    )
  useEffect(() => void load(), [])
  Taro.useDidShow(() => void load())
  return (
    <Page>
      <View className='dis-title' role='heading' aria-level={1}>我的申请</View>
      <View className='btn' role='button' data-testid='new-application' onClick={() => openPage(DISCLOSURE_APPLY_PATH)}>
        <Text>申请政府信息公开</Text>
      </View>
      {error ? <Failure message={error} onRetry={() => void load()} /> : null}
      {!list && !error ? <Loading /> : null}
      {list && list.length === 0 ? <Text className='dis-text'>您还没有提交过申请。</Text> : null}
      <View data-testid='my-applications'>
        {(list ?? []).map((a) => (
          <View key={a.id} className='dis-row' role='link' data-testid='my-application' data-id={a.id} onClick={() => openPage(disclosureDetailPath(a.id))}>
            <Text className='dis-state'>{a.stateLabel}</Text>
            <Text className='dis-row-title'>{a.description}</Text>
            <Text className='dis-row-meta'>申请编号 {a.trackingNumber} · {a.receivedOn} 收到</Text>
            {a.dueDate && !['replied', 'withdrawn', 'abandoned'].includes(a.state) ? <Text className={'dis-row-meta' + (a.overdue ? ' dis-overdue' : '')}>答复期限 {a.dueDate}</Text> : null}
          </View>
        ))}
      </View>
    </Page>
  )
}
