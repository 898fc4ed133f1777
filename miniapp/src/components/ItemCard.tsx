import { Text, View } from '@tarojs/components'
import { CONTENT_TYPE_LABELS, INTERPRETATION_FORM_LABELS, type ContentSummary, type SearchResult } from '@zw/shared'
import { departmentShortName, formatPublished } from '@/lib/format'
import { itemPath, openPage } from '@/lib/routes'
import { HighlightedText } from './HighlightedText'
import { ValidityBadge } from './ValidityBadge'

type Snippet = SearchResult['items'][number]['snippet']

/**
 * One item in a list or in search results: title first (largest), then a line of plain
 * facts — kind, department, date — and the policy's validity or the interpretation's form.
 */
export function ItemCard({
  item,
  titleHighlights,
  snippet,
}: {
  item: ContentSummary
  titleHighlights?: ReadonlyArray<readonly [number, number]>
  snippet?: Snippet
}) {
  const date = formatPublished(item.publishedAt)
  return (
    <View
      className='item-card'
      data-id={item.id}
      data-type={item.type}
      role='link'
      onClick={() => openPage(itemPath(item.type, item.id))}
    >
      {titleHighlights ? (
        <HighlightedText className='item-title' text={item.title} ranges={titleHighlights} />
      ) : (
        <Text className='item-title'>{item.title}</Text>
      )}
      {snippet && snippet.text && <HighlightedText className='item-snippet' text={snippet.text} ranges={snippet.highlights} />}
      <View className='item-meta'>
        <Text className='item-type'>{CONTENT_TYPE_LABELS[item.type]}</Text>
        {item.type === 'policy' && item.validity && <ValidityBadge status={item.validity} />}
        {item.type === 'interpretation' && item.form && <Text className='item-form'>{INTERPRETATION_FORM_LABELS[item.form]}</Text>}
        <Text className='item-dept'>{departmentShortName(item.department, item.departmentName)}</Text>
        {date && <Text className='item-date'>{date}</Text>}
      </View>
    </View>
  )
}
