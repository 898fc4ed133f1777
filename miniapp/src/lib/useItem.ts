import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { CONTENT_TYPE_LABELS, type ContentDetail, type ContentType } from '@zw/shared'
import { api } from '@/api'
import { errorMessage } from './errors'
import { decodeParam, itemPath } from './routes'
import { getVisitorId } from './visitor'
import { asCitizen, hasCitizenSession } from './citizenSession'

export type DetailOf<K extends ContentType> = Extract<ContentDetail, { type: K }>

export type ItemState<T> = { kind: 'loading' } | { kind: 'ready'; item: T } | { kind: 'failed'; message: string }

/**
 * What every detail page does on open: read `?id=`, load the item, set the navigation
 * bar title, count the visit once (failures ignored), and offer sharing. An id that turns
 * out to be another type of item is sent to the right page.
 */
export function useItem<K extends ContentType>(type: K) {
  const router = useRouter()
  const id = decodeParam(router.params.id) ?? ''
  const [state, setState] = useState<ItemState<DetailOf<K>>>({ kind: 'loading' })
  const counted = useRef(false)
  const titleRef = useRef<string>(CONTENT_TYPE_LABELS[type])

  const load = useCallback(async () => {
    if (!id) {
      setState({ kind: 'failed', message: '链接不完整，找不到要查看的内容' })
      return
    }
    setState({ kind: 'loading' })
    try {
      const item = await api.call('getItem', { params: { id } })
      if (item.type !== type) {
        void Taro.redirectTo({ url: itemPath(item.type, item.id) }).catch(() => undefined)
        return
      }
      titleRef.current = item.title
      setState({ kind: 'ready', item: item as DetailOf<K> })
      void Taro.setNavigationBarTitle({ title: item.title }).catch(() => undefined)
      if (!counted.current) {
        counted.current = true
        api.call('recordView', { params: { id }, body: { visitorId: getVisitorId() } }).catch(() => undefined)
        // Opened from a push message (`d` = its delivery): counted once on the campaign, for a logged-in citizen only.
        const delivery = decodeParam(router.params.d)
        if (delivery && hasCitizenSession()) asCitizen((client) => client.call('markInboxOpened', { params: { id: delivery } })).catch(() => undefined)
      }
    } catch (err) {
      setState({ kind: 'failed', message: errorMessage(err) })
    }
  }, [id, type, router.params.d])

  useEffect(() => {
    void load()
  }, [load])

  useShareAppMessage(() => ({ title: titleRef.current, path: itemPath(type, id) }))

  return { id, state, reload: load }
}
