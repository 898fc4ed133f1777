import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ApiClientError, formatShanghaiDateTime, type SiteInfo, type Topic } from '@zw/shared'
import { api } from '@/api'
import './index.css'

function TopicSection({ title, topics, strong = false }: { title: string; topics: Topic[]; strong?: boolean }) {
  return (
    <View className='section' aria-label={title}>
      <Text className='section-title'>{title}</Text>
      <View className='chips'>
        {topics.map((t) => (
          <Text key={t.code} className={strong ? 'chip chip-strong' : 'chip'}>
            {t.name}
          </Text>
        ))}
      </View>
    </View>
  )
}

type State = { kind: 'loading' } | { kind: 'ready'; site: SiteInfo } | { kind: 'failed'; message: string }

export default function Index() {
  const [state, setState] = useState<State>({ kind: 'loading' })

  const load = useCallback(async () => {
    setState({ kind: 'loading' })
    try {
      const site = await api.call('getSite', {})
      setState({ kind: 'ready', site })
    } catch (err) {
      setState({ kind: 'failed', message: err instanceof ApiClientError ? err.message : '加载失败，请稍后再试' })
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (state.kind === 'loading') {
    return (
      <View className='page'>
        <Text className='status' aria-live='polite'>正在加载…</Text>
      </View>
    )
  }
  if (state.kind === 'failed') {
    return (
      <View className='page'>
        <View className='failure' aria-live='assertive'>
          <Text className='failure-text'>{state.message}</Text>
          <Button className='retry' onClick={() => void load()}>
            重新加载
          </Button>
        </View>
      </View>
    )
  }

  const { site } = state
  const pilotDomains = site.topics.filter((t) => t.pilotDomain)
  const pushThemes = site.topics.filter((t) => t.pushTheme)
  return (
    <View className='page'>
      <View className='hero'>
        <Text className='hero-title'>{site.name}</Text>
        <Text className='hero-text'>{site.description}</Text>
      </View>

      <TopicSection title='惠民政策主题' topics={pushThemes} strong />
      <TopicSection title={`公开领域（${pilotDomains.length} 个）`} topics={pilotDomains} />

      <View className='footer'>
        <Text className='server-time'>数据更新时间：{formatShanghaiDateTime(site.serverTime)}（北京时间）</Text>
        <Text
          className='staff-link'
          onClick={() => void Taro.navigateTo({ url: '/workbench/pages/index/index' })}
        >
          工作人员入口
        </Text>
      </View>
    </View>
  )
}
