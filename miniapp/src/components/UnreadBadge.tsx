import { Text } from '@tarojs/components'
import { unreadText } from '@/lib/inbox'
import './UnreadBadge.css'

/** `2 条未读` in a small red pill beside a 我的消息 entry; nothing when there is nothing unread (or no log-in). */
export function UnreadBadge({ count }: { count: number | null }) {
  const text = unreadText(count)
  if (!text) return null
  return (
    <Text className='unread-badge' data-testid='unread-badge' data-count={count}>
      {text}
    </Text>
  )
}
