import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatShanghaiDateTime, type ContentSummary, type ContentType, type SiteInfo, type Topic } from '@zw/shared'
import { api } from '@/api'
import { ElderSwitch } from '@/components/ElderSwitch'
import { ItemCard } from '@/components/ItemCard'
import { Page } from '@/components/Page'
import { SearchBox } from '@/components/SearchBox'
import { Section } from '@/components/Section'
import { Failure, Loading, PendingPage } from '@/components/StateViews'
import { UnreadBadge } from '@/components/UnreadBadge'
import { INBOX_PATH, INTERACTION_PATH } from '@/lib/citizenPages'
import { ME_PATH } from '@/lib/citizenSession'
import { useElderMode } from '@/lib/elderMode'
import { errorMessage } from '@/lib/errors'
import { listPath, openPage, searchPath, STAFF_PATH } from '@/lib/routes'
import { useUnreadCount } from '@/lib/useUnreadCount'
import './index.css'

const LATEST_COUNT = 5

const TYPE_ENTRIES: { type: ContentType; label: string; hint: string }[] = [
  { type: 'policy', label: '政策文件', hint: '政策原文' },
  { type: 'interpretation', label: '政策解读', hint: '怎么理解' },
  { type: 'guide', label: '办事指南', hint: '怎么办事' },
]

function TopicSection({ title, topics, strong = false }: { title: string; topics: Topic[]; strong?: boolean }) {
  return (
    <Section title={title}>
      <View className='topic-grid'>
        {topics.map((t) => (
          <View
            key={t.code}
            className={strong ? 'topic topic-strong' : 'topic'}
            role='link'
            data-topic={t.code}
            onClick={() => openPage(listPath({ topic: t.code }))}
          >
            <Text className='topic-name'>{t.name}</Text>
          </View>
        ))}
      </View>
    </Section>
  )
}

type SiteState = { kind: 'loading' } | { kind: 'ready'; site: SiteInfo } | { kind: 'failed'; message: string }
type LatestState = { kind: 'loading' } | { kind: 'ready'; items: ContentSummary[] } | { kind: 'failed'; message: string }

function Latest({ state, onRetry }: { state: LatestState; onRetry: () => void }) {
  return (
    <Section title='最新发布' className='latest'>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && <Failure message={state.message} onRetry={onRetry} />}
      {state.kind === 'ready' && state.items.length === 0 && <Text className='plain'>暂时还没有发布内容。</Text>}
      {state.kind === 'ready' && state.items.map((item) => <ItemCard key={item.id} item={item} />)}
      {state.kind === 'ready' && state.items.length > 0 && (
        <View className='more-link' role='link' onClick={() => openPage(listPath())}>
          <Text>查看全部内容</Text>
        </View>
      )}
    </Section>
  )
}

export default function Index() {
  const { elder } = useElderMode()
  const [state, setState] = useState<SiteState>({ kind: 'loading' })
  const [latest, setLatest] = useState<LatestState>({ kind: 'loading' })
  // Only with a session kept on this device: the home page never asks anyone to log in.
  const unread = useUnreadCount()

  const loadSite = useCallback(async () => {
    setState({ kind: 'loading' })
    try {
      const site = await api.call('getSite', {})
      setState({ kind: 'ready', site })
    } catch (err) {
      setState({ kind: 'failed', message: errorMessage(err) })
    }
  }, [])

  const loadLatest = useCallback(async () => {
    setLatest({ kind: 'loading' })
    try {
      const page = await api.call('listItems', { query: { limit: LATEST_COUNT, sort: 'newest' } })
      setLatest({ kind: 'ready', items: page.items.slice(0, LATEST_COUNT) })
    } catch (err) {
      setLatest({ kind: 'failed', message: errorMessage(err) })
    }
  }, [])

  const load = useCallback(() => Promise.all([loadSite(), loadLatest()]), [loadSite, loadLatest])

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (state.kind !== 'ready') return <PendingPage state={state} onRetry={() => void load()} />

  const { site } = state
  const pilotDomains = site.topics.filter((t) => t.pilotDomain)
  const pushThemes = site.topics.filter((t) => t.pushTheme)
  return (
    <Page>
      <View className='hero'>
        <View className='hero-title' role='heading' aria-level={1}>
          {site.name}
        </View>
        <Text className='hero-text'>{site.description}</Text>
      </View>

      <View className='elder-row'>
        <Text className='elder-row-text'>{elder ? '现在是大字的长辈版' : '字太小？试试大字'}</Text>
        <ElderSwitch />
      </View>

      <SearchBox onSubmit={(q) => openPage(searchPath(q))} />

      <View className='type-entries'>
        {TYPE_ENTRIES.map((e) => (
          <View key={e.type} className='type-entry' role='link' data-type={e.type} onClick={() => openPage(listPath({ type: e.type }))}>
            <Text className='type-entry-label'>{e.label}</Text>
            <Text className='type-entry-hint'>{e.hint}</Text>
          </View>
        ))}
      </View>

      <View className='me-entry me-entry-tight' role='link' data-testid='me-entry' onClick={() => openPage(ME_PATH)}>
        <Text className='me-entry-label'>我的</Text>
        <Text className='me-entry-hint'>设置所在地区和身份，方便收到相关政策</Text>
      </View>
      <View className='me-entry' role='link' data-testid='inbox-entry' onClick={() => openPage(INBOX_PATH)}>
        <Text className='me-entry-label'>我的消息</Text>
        <Text className='me-entry-hint'>收到的政策消息</Text>
        <UnreadBadge count={unread} />
      </View>

      <View className='me-entry' role='link' data-testid='interaction-entry' onClick={() => openPage(INTERACTION_PATH)}>
        <Text className='me-entry-label'>互动交流</Text>
        <Text className='me-entry-hint'>写留言、看答复、对政策草案提意见</Text>
      </View>

      <Latest state={latest} onRetry={() => void loadLatest()} />

      <TopicSection title='惠民政策主题' topics={pushThemes} strong />
      <TopicSection title={`公开领域（${pilotDomains.length} 个）`} topics={pilotDomains} />

      <View className='footer'>
        <Text className='server-time'>数据更新时间：{formatShanghaiDateTime(site.serverTime)}（北京时间）</Text>
        <View className='staff-link' role='link' onClick={() => void Taro.navigateTo({ url: STAFF_PATH })}>
          工作人员入口
        </View>
      </View>
    </Page>
  )
}
