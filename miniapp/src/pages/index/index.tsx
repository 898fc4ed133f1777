import { useCallback, useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ApiClientError, formatShanghaiDateTime, type SiteInfo } from '@zw/shared'
import { api } from '@/api'
import './index.css'

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

      <View className='section' aria-label='惠民政策主题'>
        <Text className='section-title'>惠民政策主题</Text>
        <View className='chips'>
          {pushThemes.map((t) => (
            <Text key={t.code} className='chip chip-strong'>
              {t.name}
            </Text>
          ))}
        </View>
      </View>

      <View className='section' aria-label='公开领域'>
        <Text className='section-title'>公开领域（{pilotDomains.length} 个）</Text>
        <View className='chips'>
          {pilotDomains.map((t) => (
            <Text key={t.code} className='chip'>
              {t.name}
            </Text>
          ))}
        </View>
      </View>

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
