import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import {
  CONTENT_STATUS_LABELS,
  EDITION_STATE_LABELS,
  formatShanghaiDate,
  formatShanghaiDateTime,
  PUBLICATION_EVENT_LABELS,
  UNPUBLISH_REASON_LABELS,
  UNPUBLISH_REASONS,
  VALIDITY_LABELS,
  VALIDITY_STATUSES,
  CHANNEL_DELIVERY_STATE_LABELS,
  DISTRIBUTION_CHANNEL_LABELS,
  type ItemChannels,
  type StaffItem,
  type UnpublishReason,
  type ValidityStatus,
} from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { itemPath } from '@/lib/routes'
import { asStaff, savedSession } from '../../lib/session'
import { ErrorNotice, LoadingPage } from '../../lib/Notices'
import '../index/index.css'

type Panel = 'none' | 'withdraw' | 'unpublish' | 'validity'

/**
 * 内容历史: what the public sees of an item, every edition, the public record, and what
 * this person may do to it now — 修订 (editors), 撤回 / 下线 / 效力状态 (reviewers and
 * department admins), as the server's `actions` say.
 */
export default function ItemPage() {
  const id = useRouter().params.id ?? ''
  const staff = savedSession()?.staff
  const [item, setItem] = useState<StaffItem>()
  const [panel, setPanel] = useState<Panel>('none')
  const [explanation, setExplanation] = useState('')
  const [reason, setReason] = useState<UnpublishReason>()
  const [note, setNote] = useState('')
  const [validity, setValidity] = useState<ValidityStatus>('repealed')
  const [changedOn, setChangedOn] = useState(() => formatShanghaiDate(new Date()))
  const [supersededBy, setSupersededBy] = useState('')
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)

  // 两微: where the item went besides the mini-program (refreshed while something is on its way).
  const [channels, setChannels] = useState<ItemChannels>()
  useEffect(() => {
    asStaff((c) => c.call('getStaffItem', { params: { id } }))
      .then(setItem)
      .catch((err: unknown) => setError(errorMessage(err)))
  }, [id])
  useEffect(() => {
    let stop = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const load = () =>
      asStaff((c) => c.call('getItemChannels', { params: { id } }))
        .then((r) => {
          if (stop) return
          setChannels(r)
          if (r.items.some((d) => d.state === 'pending' || d.state === 'sent')) timer = setTimeout(load, 3000)
        })
        .catch(() => undefined)
    void load()
    return () => {
      stop = true
      if (timer) clearTimeout(timer)
    }
  }, [id, item?.status])
  const channelAct = async (run: () => Promise<ItemChannels>, message: string) => {
    setBusy(true)
    setError('')
    setDone('')
    try {
      setChannels(await run())
      setDone(message)
    } catch (err) {
      setError(errorMessage(err, '操作失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }

  const act = async (run: () => Promise<StaffItem>, message: string) => {
    setBusy(true)
    setError('')
    setDone('')
    try {
      setItem(await run())
      setPanel('none')
      setDone(message)
    } catch (err) {
      setError(errorMessage(err, '操作失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  const startEdition = async () => {
    setBusy(true)
    setError('')
    try {
      const e = await asStaff((c) => c.call('startItemEdition', { params: { id }, body: {} }))
      await Taro.navigateTo({ url: `/workbench/pages/edition/index?id=${e.id}` })
    } catch (err) {
      setError(errorMessage(err, '操作失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }

  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  if (!item) return <LoadingPage error={error} />
  const can = (a: StaffItem['actions'][number]) => item.actions.includes(a)
  const button = (label: string, onClick: () => void, secondary = false) => (
    <View key={label} className={'wb-button' + (secondary ? ' wb-secondary' : '') + (busy ? ' wb-busy' : '')} role='button' onClick={busy ? undefined : onClick}>
      <Text>{label}</Text>
    </View>
  )
  return (
    <View className='workbench'>
      <Text className='workbench-title'>{item.title}</Text>
      <Text className='wb-state' data-state={item.status}>
        公开状态：{CONTENT_STATUS_LABELS[item.status]}
        {item.validity ? `，效力状态：${VALIDITY_LABELS[item.validity]}` : ''}
        {item.liveEdition ? `，线上为第 ${item.liveEdition} 版` : ''}
      </Text>
      {item.withdrawal ? (
        <View className='wb-card'>
          <Text className='workbench-text'>撤回说明（公众可见）：{item.withdrawal.explanation}</Text>
        </View>
      ) : null}
      {item.status === 'published' || item.status === 'withdrawn' ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: itemPath(item.type, item.id) })}>
          <Text>查看公开页面</Text>
        </View>
      ) : null}

      {can('startEdition') ? button('修订（新建版本）', () => void startEdition()) : null}
      {can('withdraw') ? button('撤回', () => setPanel(panel === 'withdraw' ? 'none' : 'withdraw'), true) : null}
      {can('unpublish') ? button('下线', () => setPanel(panel === 'unpublish' ? 'none' : 'unpublish'), true) : null}
      {can('changeValidity') ? button('变更效力状态', () => setPanel(panel === 'validity' ? 'none' : 'validity'), true) : null}

      {panel === 'withdraw' ? (
        <View className='wb-card'>
          <Text className='wb-label'>撤回说明（显示在公开页面上方，至少 10 个字）</Text>
          <Textarea className='wb-textarea' aria-label='撤回说明' value={explanation} onInput={(e) => setExplanation(e.detail.value)} />
          {button('确认撤回', () => void act(() => asStaff((c) => c.call('withdrawItem', { params: { id }, body: { explanation } })), '已撤回：页面保留并显示说明，列表和搜索中不再出现'))}
        </View>
      ) : null}
      {panel === 'unpublish' ? (
        <View className='wb-card'>
          <Text className='wb-label'>下线原因（记入审计记录，不对公众显示）</Text>
          <View className='wb-chips' role='radiogroup' aria-label='下线原因'>
            {UNPUBLISH_REASONS.map((r) => (
              <View key={r} className={'wb-chip' + (reason === r ? ' wb-chip-on' : '')} role='radio' aria-checked={reason === r} onClick={() => setReason(r)}>
                <Text>{UNPUBLISH_REASON_LABELS[r]}</Text>
              </View>
            ))}
          </View>
          <Input className='wb-input' aria-label='补充说明' placeholder='补充说明（可选）' value={note} onInput={(e) => setNote(e.detail.value)} />
          {button('确认下线', () => void act(() => asStaff((c) => c.call('unpublishItem', { params: { id }, body: { reason: reason as UnpublishReason, ...(note.trim() ? { note } : {}) } })), '已下线：所有公开页面不再显示'))}
        </View>
      ) : null}
      {panel === 'validity' ? (
        <View className='wb-card'>
          <Text className='wb-label'>新的效力状态</Text>
          <View className='wb-chips' role='radiogroup' aria-label='效力状态'>
            {VALIDITY_STATUSES.map((v) => (
              <View key={v} className={'wb-chip' + (validity === v ? ' wb-chip-on' : '')} role='radio' aria-checked={validity === v} onClick={() => setValidity(v)}>
                <Text>{VALIDITY_LABELS[v]}</Text>
              </View>
            ))}
          </View>
          <Text className='wb-label'>生效日期（北京时间）</Text>
          <Input className='wb-input' aria-label='生效日期' placeholder='例如 2026-12-01' value={changedOn} onInput={(e) => setChangedOn(e.detail.value)} />
          <Input className='wb-input' aria-label='替代文件编号' placeholder='替代文件的编号（可选，在其公开页面地址中）' value={supersededBy} onInput={(e) => setSupersededBy(e.detail.value)} />
          <Input className='wb-input' aria-label='效力说明' placeholder='说明（可选，公众可见），如废止依据' value={note} onInput={(e) => setNote(e.detail.value)} />
          {button('确认变更', () =>
            void act(
              () => asStaff((c) => c.call('changeItemValidity', { params: { id }, body: { status: validity, changedOn, ...(supersededBy.trim() ? { supersededBy: supersededBy.trim() } : {}), ...(note.trim() ? { note } : {}) } })),
              '效力状态已变更，公开页面已标明',
            ),
          )}
        </View>
      ) : null}
      {done ? <View className='wb-ok' role='status'><Text>{done}</Text></View> : null}
      <ErrorNotice error={error} />

      {channels?.items.length ? (
        <View data-testid='item-channels'>
          <Text className='wb-label'>渠道发布</Text>
          {channels.items.map((d) => (
            <View key={d.id} className='wb-list-row' data-channel={d.channel} data-state={d.state}>
              <Text>
                {DISTRIBUTION_CHANNEL_LABELS[d.channel]}（第 {d.edition} 版）：{CHANNEL_DELIVERY_STATE_LABELS[d.state]}
                {d.platformId ? ` · 编号 ${d.platformId}` : ''}
                {d.state === 'failed' && d.error ? ` · ${d.error}` : ''}
                {d.state !== 'failed' && d.error ? ` · 最近一次：${d.error}` : ''}
              </Text>
              {d.url ? <Text className='workbench-text' style={{ wordBreak: 'break-all' }}>链接：{d.url}</Text> : null}
              {d.correction ? <Text className={d.correction.state === 'manual' ? 'wb-error' : 'workbench-text'}>{d.correction.state === 'manual' ? '需人工处理：' : ''}{d.correction.message}</Text> : null}
              {d.massSentAt ? <Text className='workbench-text'>已于 {formatShanghaiDateTime(d.massSentAt)} 群发</Text> : null}
              {d.actions.includes('retry') ? button('重试', () => void channelAct(() => asStaff((c) => c.call('retryChannelDelivery', { params: { id: d.id } })), '已重新排入发送'), true) : null}
              {d.actions.includes('mass-send') ? button('群发给全部关注者', () => void channelAct(() => asStaff((c) => c.call('requestMassSend', { params: { id: d.id } })), '已提交群发'), true) : null}
            </View>
          ))}
        </View>
      ) : null}

      <Text className='wb-label'>版本</Text>
      {item.editions.length === 0 ? <Text className='workbench-text'>本内容发布时未经工作台（演示数据），暂无版本记录。</Text> : null}
      {item.editions.map((e) => (
        <View key={e.id} className='wb-list-row' role='link' data-edition={e.number} onClick={() => void Taro.navigateTo({ url: `/workbench/pages/edition/index?id=${e.id}` })}>
          <Text>
            第 {e.number} 版 · {EDITION_STATE_LABELS[e.state]}
            {e.publishedAt ? ` · ${formatShanghaiDateTime(e.publishedAt)} 发布` : ''}
            {e.minor ? ' · 细微修改' : e.changeNote ? ` · ${e.changeNote}` : ''}
          </Text>
        </View>
      ))}

      <Text className='wb-label'>发布记录（公众可见）</Text>
      {item.history.map((h, i) => (
        <View key={i} className='wb-list-row'>
          <Text>
            {formatShanghaiDateTime(h.at)} {PUBLICATION_EVENT_LABELS[h.kind]}
            {h.note ? `：${h.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
