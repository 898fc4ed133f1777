import { useEffect, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ApiClientError, formatShanghaiDateTime, type InboxMessage } from '@zw/shared'
import { ElderSwitch } from '@/components/ElderSwitch'
import { LoadMore } from '@/components/LoadMore'
import { Page } from '@/components/Page'
import { Section } from '@/components/Section'
import { Empty, Failure, Loading } from '@/components/StateViews'
import { SUBSCRIPTIONS_PATH } from '@/lib/citizenPages'
import { asCitizen, hasCitizenSession, ME_PATH } from '@/lib/citizenSession'
import { errorMessage } from '@/lib/errors'
import { appendMessages, linkTarget, withRead } from '@/lib/inbox'
import { openLink } from '@/lib/open'
import { openPage } from '@/lib/routes'
import './index.css'

const PAGE_SIZE = 20
/** Web pages open in a new tab in the browser; the mini-program copies the address instead. */
const WEB_LINK_HINT = process.env.TARO_ENV === 'h5' ? '点按打开链接 ›' : '点按复制链接 ›'

type State =
  | { kind: 'checking' }
  | { kind: 'logged-out'; notice?: string }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; messages: InboxMessage[]; unread: number; nextCursor: string | null }

const notLoggedIn = (err: unknown) => err instanceof ApiClientError && err.code === 'UNAUTHENTICATED'
const EXPIRED = '登录已过期，请重新登录。'

/**
 * 我的消息: what departments sent the citizen, newest first, unread ones marked with a
 * dot and the word 未读. Tapping a message marks it read and opens the page it links to.
 */
export default function Inbox() {
  const [state, setState] = useState<State>(() => (hasCitizenSession() ? { kind: 'checking' } : { kind: 'logged-out' }))
  const [more, setMore] = useState<{ loading: boolean; failed?: string }>({ loading: false })

  const load = () =>
    asCitizen((c) => c.call('getInbox', { query: { limit: PAGE_SIZE } })).then(
      (inbox) => setState({ kind: 'ready', messages: inbox.messages, unread: inbox.unread, nextCursor: inbox.nextCursor }),
      (err: unknown) => setState(notLoggedIn(err) ? { kind: 'logged-out', notice: EXPIRED } : { kind: 'failed', message: errorMessage(err) }),
    )
  const reload = () => {
    setState({ kind: 'checking' })
    void load()
  }
  useEffect(() => {
    if (hasCitizenSession()) void load()
  }, [])
  // Back from 我的 after logging in there.
  useDidShow(() => {
    if (state.kind === 'logged-out' && hasCitizenSession()) reload()
  })
  usePullDownRefresh(() => {
    const done = () => Taro.stopPullDownRefresh()
    if (hasCitizenSession()) void load().finally(done)
    else done()
  })

  const loadMore = () => {
    if (state.kind !== 'ready' || !state.nextCursor || more.loading) return
    setMore({ loading: true })
    asCitizen((c) => c.call('getInbox', { query: { limit: PAGE_SIZE, cursor: state.nextCursor! } })).then(
      (page) => {
        setState((s) => (s.kind === 'ready' ? { kind: 'ready', messages: appendMessages(s.messages, page.messages), unread: page.unread, nextCursor: page.nextCursor } : s))
        setMore({ loading: false })
      },
      (err: unknown) => setMore({ loading: false, failed: errorMessage(err) }),
    )
  }

  const open = (message: InboxMessage) => {
    if (state.kind !== 'ready') return
    if (!message.read) {
      // Marked at once on the page; put back if the server did not take it.
      setState((s) => (s.kind === 'ready' ? { ...s, ...withRead(s.messages, s.unread, message.id) } : s))
      asCitizen((c) => c.call('markInboxRead', { params: { id: message.id } })).catch(() =>
        setState((s) => (s.kind === 'ready' ? { ...s, messages: s.messages.map((m) => (m.id === message.id ? { ...m, read: false } : m)), unread: s.unread + 1 } : s)),
      )
    }
    const target = linkTarget(message.link)
    if (target?.kind === 'page') openPage(target.url)
    else if (target?.kind === 'web') openLink(target.url)
  }

  return (
    <Page>
      <View className='inbox-head'>
        <View className='inbox-title' role='heading' aria-level={1}>
          我的消息
        </View>
        <ElderSwitch compact />
      </View>
      {state.kind === 'checking' && <Loading />}
      {state.kind === 'failed' && <Failure message={state.message} onRetry={reload} />}
      {state.kind === 'logged-out' && (
        <View data-testid='login-first'>
          {state.notice ? (
            <View className='inbox-notice' role='status'>
              <Text>{state.notice}</Text>
            </View>
          ) : null}
          <Section title='请先登录'>
            <Text className='plain'>登录后，这里会显示政府部门发给您的政策消息。</Text>
            <View className='btn inbox-button' role='button' data-testid='go-login' onClick={() => openPage(ME_PATH)}>
              <Text>去“我的”登录</Text>
            </View>
          </Section>
        </View>
      )}
      {state.kind === 'ready' && (
        <View data-testid='inbox'>
          <View className='inbox-summary' role='status' data-testid='inbox-unread'>
            <Text>{state.unread > 0 ? `有 ${state.unread} 条消息还没看` : state.messages.length ? '消息都看过了' : ''}</Text>
          </View>
          {state.messages.length === 0 ? (
            <Empty text='还没有收到消息。订阅了主题以后，和您有关的政策消息会放在这里。'>
              <View className='btn btn-plain inbox-button' role='button' onClick={() => openPage(SUBSCRIPTIONS_PATH)}>
                <Text>去订阅</Text>
              </View>
            </Empty>
          ) : (
            <>
              {state.messages.map((m) => (
                <MessageCard key={m.id} message={m} onOpen={() => open(m)} />
              ))}
              <LoadMore hasMore={!!state.nextCursor} loading={more.loading} failed={more.failed} onMore={loadMore} />
            </>
          )}
          <View className='inbox-link' role='link' onClick={() => openPage(SUBSCRIPTIONS_PATH)}>
            <Text>想收到哪些消息？去“我的订阅”</Text>
          </View>
        </View>
      )}
    </Page>
  )
}

function MessageCard({ message: m, onOpen }: { message: InboxMessage; onOpen: () => void }) {
  const target = linkTarget(m.link)
  return (
    <View className={'inbox-card' + (m.read ? '' : ' inbox-unread')} role='button' data-testid='message' data-id={m.id} data-read={m.read ? 'true' : 'false'} onClick={onOpen}>
      <View className='inbox-card-top'>
        {!m.read ? (
          <View className='inbox-unread-mark' data-testid='unread-mark'>
            <Text className='inbox-dot' aria-hidden='true' />
            <Text>未读</Text>
          </View>
        ) : null}
        {m.correction ? <Text className='inbox-correction'>更正</Text> : null}
        <Text className='inbox-time'>{formatShanghaiDateTime(m.at)}</Text>
      </View>
      <Text className='inbox-card-title'>{m.title}</Text>
      {m.department ? <Text className='inbox-dept'>{m.department}</Text> : null}
      {m.text ? <Text className='inbox-text'>{m.text}</Text> : null}
      {target ? <Text className='inbox-open'>{target.kind === 'page' ? '点按查看详情 ›' : WEB_LINK_HINT}</Text> : null}
    </View>
  )
}
