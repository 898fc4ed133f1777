import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { CONTENT_TYPE_LABELS, type StaffItemList } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { formatPublished } from '@/lib/format'
import { asStaff } from './session'
import { ErrorNotice } from './Notices'

type Item = StaffItemList['items'][number]

/** Rows shown at most: the newest without a search, the matches with one. */
const SHOWN = 12

/**
 * 推送内容: the department's published items (the newest 100, as 本部门内容 lists them),
 * searched by title as the editor types; the chosen one's title is shown.
 */
export function ItemPicker({ itemId, itemTitle, onChoose }: { itemId: string; itemTitle: string; onChoose: (id: string, title: string) => void }) {
  const [items, setItems] = useState<Item[]>()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(!itemId)
  const [error, setError] = useState('')
  useEffect(() => {
    asStaff((c) => c.call('listStaffItems', { query: { status: 'published' } }))
      .then((r) => setItems(r.items))
      .catch((err: unknown) => setError(errorMessage(err, '本部门已发布的内容加载失败，请稍后再试')))
  }, [])
  const q = query.trim().toLowerCase()
  const matches = (items ?? []).filter((i) => !q || i.title.toLowerCase().includes(q)).slice(0, SHOWN)
  return (
    <View className='camp-items' data-testid='item-picker'>
      {itemId ? (
        <View className='camp-item-chosen' data-testid='item-chosen' data-id={itemId}>
          <Text className='workbench-text'>已选：{itemTitle || itemId}</Text>
          {!open ? (
            <View className='camp-link' role='button' data-testid='item-change' onClick={() => setOpen(true)}>
              <Text>更换</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {open ? (
        <View>
          <Input className='wb-input' aria-label='搜索本部门已发布的内容' placeholder='输入标题中的词，搜索本部门已发布的内容' value={query} onInput={(e) => setQuery(e.detail.value)} />
          {!items && !error ? <Text className='wb-task-meta'>正在加载本部门已发布的内容…</Text> : null}
          {items && matches.length === 0 ? <Text className='wb-task-meta'>{q ? '没有标题含这个词的已发布内容' : '本部门还没有已发布的内容'}</Text> : null}
          {matches.map((i) => (
            <View
              key={i.id}
              className={'wb-list-row camp-item-row' + (i.id === itemId ? ' wb-chip-on' : '')}
              role='option'
              aria-selected={i.id === itemId}
              data-id={i.id}
              onClick={() => {
                onChoose(i.id, i.title)
                setOpen(false)
              }}
            >
              <Text className='wb-task-title'>{i.title}</Text>
              <Text className='wb-task-meta'>
                {CONTENT_TYPE_LABELS[i.type]}
                {i.publishedAt ? ` · ${formatPublished(i.publishedAt)}发布` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      <ErrorNotice error={error} />
    </View>
  )
}
