import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyMessageList } from '@zw/shared'
import { Page } from '@/components/Page'
import { Failure, Loading } from '@/components/StateViews'
import { messageWritePath, myMessagePath } from '@/lib/citizenPages'
import { asCitizen } from '@/lib/citizenSession'
import { errorMessage } from '@/lib/errors'
import { openPage } from '@/lib/routes'
import '../interaction.css'

/** 我的留言: every message the citizen wrote, newest first, with its state and when the answer is due. */
export default function MyMessages() {
  const [list, setList] = useState<MyMessageList['messages']>()
  const [error, setError] = useState('')
  const load = () =>
    asCitizen((c) => c.call('listMyMessages', {})).then(
      (r) => (setList(r.messages), setError('')),
      (err: unknown) => setError(errorMessage(err)),
    )
  useEffect(() => void load(), [])
  Taro.useDidShow(() => void load())
  return (
    <Page>
      <View className='ia-title' role='heading' aria-level={1}>我的留言</View>
      <View className='btn' role='button' data-testid='new-message' onClick={() => openPage(messageWritePath())}>
        <Text>写留言</Text>
      </View>
      {error ? <Failure message={error} onRetry={() => void load()} /> : null}
      {!list && !error ? <Loading /> : null}
      {list && list.length === 0 ? <Text className='ia-text'>您还没有写过留言。</Text> : null}
      <View data-testid='my-messages'>
        {(list ?? []).map((m) => (
          <View key={m.id} className='ia-row' role='link' data-testid='my-message' data-id={m.id} onClick={() => openPage(myMessagePath(m.id))}>
            <Text className='ia-state'>{m.stateLabel}</Text>
            <Text className='ia-row-title'>{m.title}</Text>
            <Text className='ia-row-meta'>{m.categoryLabel} · {m.departmentName} · {m.receivedOn}</Text>
            {m.dueDate ? <Text className='ia-row-meta'>最迟 {m.dueDate} 答复</Text> : null}
          </View>
        ))}
      </View>
    </Page>
  )
}
