import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { can, type Campaign } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { audienceLines, sendTimeText, statsSummary } from '../../lib/campaignForm'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'
import '../campaign/index.css'

const open = (id?: string) => void Taro.navigateTo({ url: `/workbench/pages/campaign/index${id ? `?id=${id}` : ''}` })

/**
 * 精准推送: the department's campaigns, newest first — state, send time, audience in
 * words, sending figures — those waiting for this person's approval marked; 新建推送 for
 * editors.
 */
export default function CampaignsPage() {
  const staff = savedSession()?.staff
  const [campaigns, setCampaigns] = useState<Campaign[]>()
  const [error, setError] = useState('')
  const load = () =>
    asStaff((c) => c.call('listCampaigns', {}))
      .then((r) => {
        setCampaigns(r.campaigns)
        setError('')
      })
      .catch((err: unknown) => setError(errorMessage(err)))
  useEffect(() => {
    void load()
  }, [])
  // Coming back from a campaign: its state may have changed.
  Taro.useDidShow(() => void load())
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const waiting = (campaigns ?? []).filter((c) => c.actions.includes('approve')).length
  return (
    <View className='workbench'>
      <Text className='workbench-title'>精准推送</Text>
      <Text className='workbench-text'>按主题、地区和身份，把本部门已发布的内容推送给订阅的群众。每条推送须经本部门其他人员审批后发送。</Text>
      {can(staff, 'push.write', staff.department) ? (
        <View className='wb-button' role='button' data-testid='new-campaign' onClick={() => open()}>
          <Text>新建推送</Text>
        </View>
      ) : null}
      {waiting ? <Text className='wb-task-warn' data-testid='waiting-approval'>有 {waiting} 条推送等待您审批</Text> : null}
      <ErrorNotice error={error} />
      {campaigns && campaigns.length === 0 ? <Text className='workbench-text'>本部门还没有推送。</Text> : null}
      {!campaigns && !error ? <Text className='workbench-text'>正在加载…</Text> : null}
      <View data-testid='campaign-list'>
        {(campaigns ?? []).map((c) => {
          const a = audienceLines(c.audience)
          const s = statsSummary(c.stats)
          const mine = c.actions.includes('approve')
          return (
            <View key={c.id} className={'wb-list-row wb-task camp-list-row' + (mine ? ' wb-task-overdue' : '')} role='link' data-testid='campaign-row' data-id={c.id} data-state={c.state} onClick={() => open(c.id)}>
              <Text className='wb-task-kind'>
                {c.stateLabel}
                {c.urgent ? ' · 紧急' : ''}
              </Text>
              {mine ? <Text className='wb-task-kind camp-mine'>待您审批</Text> : null}
              <Text className='wb-task-title'>{c.name}</Text>
              <Text className='wb-task-meta'>发送时间：{sendTimeText(c)}</Text>
              <Text className='wb-task-meta'>对象：{a.topics}；{a.regions}；{a.groups}</Text>
              <Text className='wb-task-meta'>内容：{c.item.title}</Text>
              {c.state === 'sending' || c.state === 'sent' || c.state === 'paused' || c.stats.targeted > 0 ? (
                <Text className='wb-task-meta' data-testid='campaign-progress'>
                  目标 {c.stats.targeted} 人 · 已发送 {s.sent}
                  {s.failed ? ` · 失败 ${s.failed}` : ''} · 已读 {c.stats.inboxRead}
                </Text>
              ) : null}
            </View>
          )
        })}
      </View>
    </View>
  )
}
