import { Text, View } from '@tarojs/components'

/** 加载更多 with `nextCursor`; says plainly when the end is reached or a page failed. */
export function LoadMore({
  hasMore,
  loading,
  failed,
  onMore,
}: {
  hasMore: boolean
  loading: boolean
  failed?: string
  onMore: () => void
}) {
  if (!hasMore) return <Text className='list-end'>已经到底了</Text>
  return (
    <View className='load-more-box'>
      {failed && <Text className='failure-text'>{failed}</Text>}
      <View className={'btn btn-plain load-more' + (loading ? ' is-loading' : '')} role='button' aria-busy={loading} onClick={loading ? undefined : onMore}>
        <Text>{loading ? '正在加载…' : failed ? '重新加载' : '加载更多'}</Text>
      </View>
    </View>
  )
}
