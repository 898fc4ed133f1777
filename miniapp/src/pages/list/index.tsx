import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  CONTENT_TYPE_LABELS,
  PILOT_DOMAINS,
  PUSH_THEMES,
  VALIDITY_LABELS,
  VALIDITY_STATUSES,
  topicName,
  type ContentSummary,
  type ContentType,
  type DepartmentCode,
  type TopicCode,
  type ValidityStatus,
} from '@zw/shared'
import { api } from '@/api'
import { Choice, type ChoiceOption } from '@/components/Choice'
import { ItemCard } from '@/components/ItemCard'
import { LoadMore } from '@/components/LoadMore'
import { Page } from '@/components/Page'
import { Empty, Failure, Loading } from '@/components/StateViews'
import { errorMessage } from '@/lib/errors'
import { asContentType, asDepartmentCode, asTopicCode, asValidity, departmentFullName } from '@/lib/format'
import { decodeParam } from '@/lib/routes'
import './index.css'

const PAGE_SIZE = 20

const TYPE_TABS: { type?: ContentType; label: string }[] = [
  { label: '全部' },
  { type: 'policy', label: CONTENT_TYPE_LABELS.policy },
  { type: 'interpretation', label: CONTENT_TYPE_LABELS.interpretation },
  { type: 'guide', label: CONTENT_TYPE_LABELS.guide },
]

/** Topic choices: 惠民政策主题 first, then the 26 公开领域; each topic once. */
const TOPIC_OPTIONS: ChoiceOption<TopicCode | undefined>[] = (() => {
  const seen = new Set<string>()
  const options: ChoiceOption<TopicCode | undefined>[] = [{ value: undefined, label: '全部主题' }]
  for (const t of [...PUSH_THEMES, ...PILOT_DOMAINS]) {
    if (seen.has(t.code)) continue
    seen.add(t.code)
    options.push({ value: t.code, label: t.name })
  }
  return options
})()

const VALIDITY_OPTIONS: ChoiceOption<ValidityStatus | undefined>[] = [
  { value: undefined, label: '全部状态' },
  ...VALIDITY_STATUSES.map((s) => ({ value: s, label: VALIDITY_LABELS[s] })),
]

interface Filters {
  type?: ContentType
  topic?: TopicCode
  department?: DepartmentCode
  region?: string
  validity?: ValidityStatus
}

type ListState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; items: ContentSummary[]; nextCursor: string | null; more: 'idle' | 'loading' | { failed: string } }

function filtersFromParams(params: Partial<Record<string, string>>): Filters {
  const validity = asValidity(decodeParam(params.validity))
  return {
    // validity is a property of policies only
    type: asContentType(decodeParam(params.type)) ?? (validity ? 'policy' : undefined),
    topic: asTopicCode(decodeParam(params.topic)),
    department: asDepartmentCode(decodeParam(params.department)),
    region: decodeParam(params.region),
    validity,
  }
}

function pageTitle(f: Filters): string {
  if (f.topic) return topicName(f.topic) ?? '政务公开'
  if (f.type) return CONTENT_TYPE_LABELS[f.type]
  return '全部内容'
}

export default function List() {
  const router = useRouter()
  const [filters, setFilters] = useState<Filters>(() => filtersFromParams(router.params))
  const [state, setState] = useState<ListState>({ kind: 'loading' })
  const request = useRef(0)

  const query = useMemo(
    () => ({
      type: filters.type,
      topic: filters.topic,
      department: filters.department,
      region: filters.region,
      validity: filters.type === 'policy' ? filters.validity : undefined,
      limit: PAGE_SIZE,
      sort: 'newest' as const,
    }),
    [filters],
  )

  const load = useCallback(async () => {
    const mine = ++request.current
    setState({ kind: 'loading' })
    try {
      const page = await api.call('listItems', { query })
      if (mine !== request.current) return
      setState({ kind: 'ready', items: page.items, nextCursor: page.nextCursor, more: 'idle' })
    } catch (err) {
      if (mine !== request.current) return
      setState({ kind: 'failed', message: errorMessage(err) })
    }
  }, [query])

  const loadMore = useCallback(async () => {
    if (state.kind !== 'ready' || !state.nextCursor || state.more === 'loading') return
    const mine = request.current
    const cursor = state.nextCursor
    setState({ ...state, more: 'loading' })
    try {
      const page = await api.call('listItems', { query: { ...query, cursor } })
      if (mine !== request.current) return
      setState((prev) =>
        prev.kind === 'ready'
          ? { kind: 'ready', items: [...prev.items, ...page.items.filter((i) => !prev.items.some((p) => p.id === i.id))], nextCursor: page.nextCursor, more: 'idle' }
          : prev,
      )
    } catch (err) {
      if (mine !== request.current) return
      setState((prev) => (prev.kind === 'ready' ? { ...prev, more: { failed: errorMessage(err) } } : prev))
    }
  }, [state, query])

  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: pageTitle(filters) }).catch(() => undefined)
  }, [filters])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  const setType = (type?: ContentType) =>
    setFilters((f) => ({ ...f, type, validity: type === 'policy' ? f.validity : undefined }))

  return (
    <Page>
      <View className='filter-bar'>
        <View className='type-tabs' role='tablist'>
          {TYPE_TABS.map((tab) => {
            const active = tab.type === filters.type
            return (
              <View
                key={tab.label}
                className={'type-tab' + (active ? ' type-tab-active' : '')}
                role='tab'
                aria-selected={active}
                data-type={tab.type ?? 'all'}
                onClick={() => setType(tab.type)}
              >
                <Text>{tab.label}</Text>
              </View>
            )
          })}
        </View>

        <View className='pickers'>
          <Choice
            className='topic-picker'
            label='主题'
            options={TOPIC_OPTIONS}
            value={filters.topic}
            onChange={(topic) => setFilters((f) => ({ ...f, topic }))}
          />
          {filters.type === 'policy' && (
            <Choice
              className='validity-picker'
              label='效力'
              options={VALIDITY_OPTIONS}
              value={filters.validity}
              onChange={(validity) => setFilters((f) => ({ ...f, validity }))}
            />
          )}
        </View>

        {(filters.department || filters.region) && (
          <View className='active-filters'>
            {filters.department && (
              <View className='active-filter' role='button' onClick={() => setFilters((f) => ({ ...f, department: undefined }))}>
                <Text>部门：{departmentFullName(filters.department)}</Text>
                <Text className='active-filter-clear'>（点此取消）</Text>
              </View>
            )}
            {filters.region && (
              <View className='active-filter' role='button' onClick={() => setFilters((f) => ({ ...f, region: undefined }))}>
                <Text>只看所选地区的内容</Text>
                <Text className='active-filter-clear'>（点此取消）</Text>
              </View>
            )}
          </View>
        )}
      </View>

      {state.kind === 'loading' && <Loading />}
      {state.kind === 'failed' && <Failure message={state.message} onRetry={() => void load()} />}
      {state.kind === 'ready' && state.items.length === 0 && (
        <Empty text='这里暂时没有相关内容。可以换一个主题，或点上方的“全部”看看。' />
      )}
      {state.kind === 'ready' && state.items.length > 0 && (
        <View className='item-list'>
          {state.items.map((item) => (
            <ItemCard key={item.id} item={item} />
          ))}
          <LoadMore
            hasMore={state.nextCursor !== null}
            loading={state.more === 'loading'}
            failed={typeof state.more === 'object' ? state.more.failed : undefined}
            onMore={() => void loadMore()}
          />
        </View>
      )}
    </Page>
  )
}
