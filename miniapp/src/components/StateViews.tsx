import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { HOME_PATH } from '@/lib/routes'
import { Page } from './Page'

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <Text className='status' aria-live='polite'>
      {text}
    </Text>
  )
}

/** A failure in the server's own Chinese words, with a way to try again (unless retrying cannot help). */
export function Failure({ message, onRetry, home = false }: { message: string; onRetry?: () => void; home?: boolean }) {
  return (
    <View className='failure' aria-live='assertive'>
      <Text className='failure-text'>{message}</Text>
      {onRetry && (
        <View className='btn retry' role='button' onClick={onRetry}>
          <Text>重新加载</Text>
        </View>
      )}
      {home && (
        <View className='btn btn-plain' role='button' onClick={() => void Taro.reLaunch({ url: HOME_PATH })}>
          <Text>回到首页</Text>
        </View>
      )}
    </View>
  )
}

export function Empty({ text, children }: PropsWithChildren<{ text: string }>) {
  return (
    <View className='empty'>
      <Text className='empty-text'>{text}</Text>
      {children}
    </View>
  )
}

/** A whole page while its data is loading or after it failed to load. */
export function PendingPage({ state, onRetry, home = false }: { state: { kind: 'loading' } | { kind: 'failed'; message: string }; onRetry: () => void; home?: boolean }) {
  return <Page>{state.kind === 'loading' ? <Loading /> : <Failure message={state.message} onRetry={onRetry} home={home} />}</Page>
}
