import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { can, type StaffMessageList } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { Chips } from '../../lib/Fields'
import { asStaff, savedSession } from '../../lib/session'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

const go = (url: string) => void Taro.navigateTo({ url })
type Task = { id: string; kind: string; messageId: string | null; consultationId: string | null; text: string }
const TASK_LABELS: Record<string, string> = { reminder: '即将到期', overdue: '逾期督办', alarm: '60 天告警', 'report-due': '待发布反馈', calendar: '工作日历' }
const FILTERS = [
  { value: 'open', text: '办理中' },
  { value: 'moderation', text: '内容待审核' },
  { value: 'reply-review', text: '答复待审核' },
  { value: 'mine', text: '我办理的' },
  { value: 'all', text: '全部' },
]

/** 互动交流: the department's message queue (soonest due first, overdue and 60-day alarms marked), the daily job's tasks, and the way to consultations, statistics and settings. */
export default function MessagesPage() {
  const staff = savedSession()?.staff
  const [filter, setFilter] = useState('open')
  const [list, setList] = useState<StaffMessageList['messages']>()
  const [tasks, setTasks] = useState<Task[]>([])
  const [error, setError] = useState('')
  const handles = !!staff && can(staff, 'interaction.handle', staff.department)
  const load = () => {
    if (!staff) return
    if (handles)
      asStaff((c) => c.call('listStaffMessages', { query: filter === 'all' ? {} : filter === 'mine' ? { mine: 'true' } : { state: filter } })).then(
        (r) => (setList(r.messages), setError('')),
        (err: unknown) => setError(errorMessage(err)),
      )
    asStaff((c) => c.call('listInteractionTasks', {})).then((r) => setTasks(r.tasks), () => undefined)
  }
  useEffect(load, [filter])
  Taro.useDidShow(load)
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  return (
    <View className='workbench'>
      <Text className='workbench-title'>互动交流</Text>
      <Text className='workbench-text'>咨询一般 5 个工作日、建议和投诉一般 15 个工作日内答复（以本部门设置为准）；到期前 2 个工作日提醒，逾期督办，收到 60 天未答复告警。</Text>
      {handles ? (
        <View className='wb-button wb-secondary' role='button' data-testid='consultations-entry' onClick={() => go('/workbench/pages/consultations/index')}>
          <Text>征求意见</Text>
        </View>
      ) : null}
      <View className='wb-button wb-secondary' role='button' onClick={() => go('/workbench/pages/message-stats/index')}>
        <Text>留言统计</Text>
      </View>
      <View className='wb-button wb-secondary' role='button' onClick={() => go('/workbench/pages/interaction-settings/index')}>
        <Text>留言设置和敏感词</Text>
      </View>
      {tasks.length ? (
        <View data-testid='interaction-tasks'>
          {tasks.map((t) => (
            <View key={t.id} className={'wb-list-row wb-task' + (t.kind === 'overdue' || t.kind === 'alarm' ? ' wb-task-overdue' : '')} role='link' onClick={() => (t.messageId ? go(`/workbench/pages/message/index?id=${t.messageId}`) : t.consultationId ? go(`/workbench/pages/consultation/index?id=${t.consultationId}`) : undefined)}>
              <Text className='wb-task-kind'>{TASK_LABELS[t.kind] ?? t.kind}</Text>
              <Text className='wb-task-title'>{t.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {handles ? <Chips label='显示' options={FILTERS} selected={[filter]} onToggle={setFilter} /> : null}
      <ErrorNotice error={error} />
      {list && list.length === 0 ? <Text className='workbench-text'>没有留言。</Text> : null}
      <View data-testid='message-list'>
        {(list ?? []).map((m) => (
          <View key={m.id} className={'wb-list-row wb-task' + (m.overdue ? ' wb-task-overdue' : '')} role='link' data-testid='message-row' data-id={m.id} data-state={m.state} onClick={() => go(`/workbench/pages/message/index?id=${m.id}`)}>
            <Text className='wb-task-kind'>{m.stateLabel}{m.alarm ? ' · 60 天告警' : m.overdue ? ' · 已逾期' : ''}{m.verdict !== 'pass' ? ` · ${m.verdict === 'risky' ? '高风险' : '需审核'}` : ''}</Text>
            <Text className='wb-task-title'>{m.trackingNumber} · {m.categoryLabel} · {m.title}</Text>
            <Text className='wb-task-meta'>{m.receivedOn} 收到{m.dueDate ? ` · 答复期限 ${m.dueDate}` : ''}{m.assignee ? ` · ${m.assignee}` : ''}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
