import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { asCitizen, hasCitizenSession } from './citizenSession'

/** Shows of a page this close together (mount and `onShow` of the same visit) fetch once. */
const SAME_VISIT_MS = 500

/**
 * The citizen's unread messages (getInbox's `unread`), fetched whenever the page shows —
 * so it drops after reading in 我的消息 and coming back. Only with a session kept on this
 * device (`active` too): never asks anyone to log in; no session, or any failure, is
 * `null` (no badge).
 */
export function useUnreadCount(active = true): number | null {
  const [count, setCount] = useState<number | null>(null)
  const last = useRef(0)
  const seq = useRef(0)

  const refresh = useCallback(
    (force: boolean) => {
      if (!active || !hasCitizenSession()) {
        setCount(null)
        return
      }
      const now = Date.now()
      if (!force && now - last.current < SAME_VISIT_MS) return
      last.current = now
      const mine = ++seq.current
      asCitizen((c) => c.call('getInbox', { query: { limit: 1 } })).then(
        (inbox) => mine === seq.current && setCount(inbox.unread),
        () => mine === seq.current && setCount(null),
      )
    },
    [active],
  )

  useEffect(() => refresh(true), [refresh])
  useDidShow(() => refresh(false))
  return count
}
