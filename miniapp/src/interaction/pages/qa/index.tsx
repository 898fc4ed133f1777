import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PublicMessagePage } from '@zw/shared'
import { api } from '@/api'
import { Page } from '@/components/Page'
import { SearchBox } from '@/components/SearchBox'
import { Empty, Failure, Loading } from '@/components/StateViews'
import { errorMessage } from '@/lib/errors'
import '../interaction.css'

/** 公开留言: answered messages whose writers agreed to publish them, personal data hidden, searchable. */
export default function PublicMessages() {
  const [q, setQ] = useState('')
  const [page, setPage] = useState<PublicMessagePage>()
  const [shown, setShown] = useState<PublicMessagePage['messages']>([])
  const [error, setError] = useState('')
  const load = (words: string, n: number) =>
    api.call('listPublicMessages', { query: { ...(words ? { q: words } : {}), page: n } }).then(
      (r) => (setPage(r), setShown((s) => (n === 1 ? r.messages : [...s, ...r.messages])), setError('')),
      (err: unknown) => setError(errorMessage(err)),
    )
  useEffect(() => void load(q, 1), [q])
  return (
    <Page>
      <View className='ia-title' role='heading' aria-level={1}>公开留言</View>
      <SearchBox onSubmit={setQ} />
      {error ? <Failure message={error} onRetry={() => void load(q, 1)} /> : null}
      {!page && !error ? <Loading /> : null}
      {page && page.total === 0 ? <Empty text={q ? `没有找到“${q}”相关的留言` : '还没有公开的留言'} /> : null}
      <View data-testid='public-messages'>
        {shown.map((m) => (
          <View key={m.id} className='ia-row' data-testid='public-message'>
            <Text className='ia-row-title'>{m.title}</Text>
            <Text className='ia-row-meta'>{m.categoryLabel} · {m.departmentName} · {m.receivedOn}</Text>
            <Text className='ia-text'>{m.text}</Text>
            <View className='ia-reply'>
              <Text className='ia-text'>答复：{m.reply}</Text>
              <Text className='ia-row-meta'>{m.answeredOn}</Text>
            </View>
          </View>
        ))}
      </View>
      {page && page.page * page.pageSize < page.total ? (
        <View className='btn btn-plain' role='button' onClick={() => void load(q, page.page + 1)}>
          <Text>加载更多</Text>
        </View>
      ) : null}
    </Page>
  )
}
