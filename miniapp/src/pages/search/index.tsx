import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ApiClientError, type SearchResult } from '@zw/shared'
import { api } from '@/api'
import { ItemCard } from '@/components/ItemCard'
import { LoadMore } from '@/components/LoadMore'
import { Page } from '@/components/Page'
import { SearchBox } from '@/components/SearchBox'
import { Empty, Failure, Loading } from '@/components/StateViews'
import { errorMessage } from '@/lib/errors'
import { asContentType, asTopicCode } from '@/lib/format'
import { decodeParam, listPath, openPage } from '@/lib/routes'
import './index.css'

const PAGE_SIZE = 20

type Hit = SearchResult['items'][number]
type SearchState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string; retry: boolean }
  | { kind: 'ready'; items: Hit[]; total: number; nextCursor: string | null; more: 'idle' | 'loading' | { failed: string } }

export default function Search() {
  const router = useRouter()
  const [q, setQ] = useState(() => decodeParam(router.params.q)?.trim() ?? '')
  // optional filters carried in the link (same as the list page)
  const [filters] = useState(() => ({
    type: asContentType(decodeParam(router.params.type)),
    topic: asTopicCode(decodeParam(router.params.topic)),
  }))
  const [state, setState] = useState<SearchState>({ kind: 'idle' })
  const request = useRef(0)

  const search = useCallback(async () => {
    const mine = ++request.current
    if (!q) {
      setState({ kind: 'idle' })
      return
    }
    setState({ kind: 'loading' })
    try {
      const res = await api.call('searchItems', { query: { q, ...filters, limit: PAGE_SIZE } })
      if (mine !== request.current) return
      setState({ kind: 'ready', items: res.items, total: res.total, nextCursor: res.nextCursor, more: 'idle' })
    } catch (err) {
      if (mine !== request.current) return
      // a query the server refuses (e.g. over 100 characters) needs changing, not retrying
      const retry = !(err instanceof ApiClientError && err.code === 'VALIDATION_FAILED')
      setState({ kind: 'failed', message: errorMessage(err, '搜索失败，请稍后再试'), retry })
    }
  }, [q, filters])

  const loadMore = useCallback(async () => {
    if (state.kind !== 'ready' || !state.nextCursor || state.more === 'loading') return
    const mine = request.current
    const cursor = state.nextCursor
    setState({ ...state, more: 'loading' })
    try {
      const res = await api.call('searchItems', { query: { q, ...filters, limit: PAGE_SIZE, cursor } })
      if (mine !== request.current) return
      setState((prev) =>
        prev.kind === 'ready'
          ? {
              kind: 'ready',
              items: [...prev.items, ...res.items.filter((i) => !prev.items.some((p) => p.id === i.id))],
              total: res.total,
              nextCursor: res.nextCursor,
              more: 'idle',
            }
          : prev,
      )
    } catch (err) {
      if (mine !== request.current) return
      setState((prev) => (prev.kind === 'ready' ? { ...prev, more: { failed: errorMessage(err, '搜索失败，请稍后再试') } } : prev))
    }
  }, [state, q, filters])

  useEffect(() => {
    void search()
  }, [search])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: q ? `搜索：${q.slice(0, 12)}` : '搜索' }).catch(() => undefined)
  }, [q])

  const submit = (words: string) => {
    if (words === q) void search()
    else setQ(words)
  }

  return (
    <Page>
      <SearchBox initial={q} onSubmit={submit} autoFocus={!q} />

      {state.kind === 'idle' && (
        <View className='search-tips'>
          <Text className='plain'>请输入想找的内容，例如“低保”“养老保险”“危房改造”。</Text>
          <View className='more-link' role='link' onClick={() => openPage(listPath())}>
            <Text>不知道怎么搜？按主题查看全部内容</Text>
          </View>
        </View>
      )}
      {state.kind === 'loading' && <Loading text='正在搜索…' />}
      {state.kind === 'failed' && <Failure message={state.message} onRetry={state.retry ? () => void search() : undefined} />}
      {state.kind === 'ready' && (
        <View className='search-results'>
          <Text className='result-count' aria-live='polite'>
            共 {state.total} 条
          </Text>
          {state.items.length === 0 ? (
            <Empty text={`没有找到与“${q}”有关的内容。可以少写几个字，或者换个说法再搜；也可以按主题查看。`}>
              <View className='btn btn-plain' role='link' onClick={() => openPage(listPath())}>
                <Text>按主题查看</Text>
              </View>
            </Empty>
          ) : (
            <View className='item-list'>
              {state.items.map((hit) => (
                <ItemCard key={hit.id} item={hit} titleHighlights={hit.titleHighlights} snippet={hit.snippet} />
              ))}
              <LoadMore
                hasMore={state.nextCursor !== null}
                loading={state.more === 'loading'}
                failed={typeof state.more === 'object' ? state.more.failed : undefined}
                onMore={() => void loadMore()}
              />
            </View>
          )}
        </View>
      )}
    </Page>
  )
}
