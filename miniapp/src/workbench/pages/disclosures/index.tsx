import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { can, DISCLOSURE_CHANNELS, type DisclosureList } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

const go = (url: string) => void Taro.navigateTo({ url })

type Task = { id: string; kind: string; applicationId: string | null; text: string }

/** 依申请公开: the department's open applications, soonest due first (overdue marked), the reminders and escalations of the daily job, and the way to register a paper application. */
export default function DisclosuresPage() {
  const staff = savedSession()?.staff
  const [list, setList] = useState<DisclosureList['applications']>()
  const [tasks, setTasks] = useState<Task[]>([])
  const [all, setAll] = useState(false)
  const [error, setError] = useState('')
  const load = () => {
    if (!staff) return
    if (can(staff, 'disclosure.handle', staff.department))
      asStaff((c) => c.call('listDisclosures', { query: all ? {} : { state: 'open' } })).then(
        (r) => (setList(r.applications), setError('')),
        (err: unknown) => setError(errorMessage(err)),
      )
    asStaff((c) => c.call('listDisclosureTasks', {})).then((r) => setTasks(r.tasks), () => undefined)
  }
  useEffect(load, [all])
  Taro.useDidShow(load)
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const handles = can(staff, 'disclosure.handle', staff.department)
  return (
    <View className='workbench'>
      <Text className='workbench-title'>依申请公开</Text>
      <Text className='workbench-text'>答复期限按工作日计算：收到之日起 20 个工作日，经批准可延长一次（不超过 20 个工作日）；补正后重新计算；征求第三方意见的时间不计入。</Text>
      {handles ? (
        <View className='wb-button' role='button' data-testid='register-application' onClick={() => go('/workbench/pages/disclosure/index?new=1')}>
          <Text>登记当面、信函、传真申请</Text>
        </View>
      ) : null}
      {can(staff, 'disclosure.report', staff.department) ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => go('/workbench/pages/disclosure-report/index')}>
          <Text>年度报告统计</Text>
        </View>
      ) : null}
      <View className='wb-button wb-secondary' role='button' onClick={() => go('/workbench/pages/calendar/index')}>
        <Text>工作日历（节假日安排）</Text>
      </View>
      {tasks.length ? (
        <View data-testid='disclosure-tasks'>
          {tasks.map((t) => (
            <View key={t.id} className={'wb-list-row wb-task' + (t.kind === 'overdue' ? ' wb-task-overdue' : '')} role='link' onClick={() => t.applicationId && go(`/workbench/pages/disclosure/index?id=${t.applicationId}`)}>
              <Text className='wb-task-kind'>{t.kind === 'overdue' ? '逾期督办' : t.kind === 'reminder' ? '即将到期' : '工作日历'}</Text>
              <Text className='wb-task-title'>{t.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <ErrorNotice error={error} />
      {handles ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => setAll(!all)}>
          <Text>{all ? '只看办理中的' : '看全部（含已办结）'}</Text>
        </View>
      ) : null}
      {list && list.length === 0 ? <Text className='workbench-text'>没有申请。</Text> : null}
      <View data-testid='disclosure-list'>
        {(list ?? []).map((a) => (
          <View key={a.id} className={'wb-list-row wb-task' + (a.overdue ? ' wb-task-overdue' : '')} role='link' data-testid='disclosure-row' data-id={a.id} data-state={a.state} onClick={() => go(`/workbench/pages/disclosure/index?id=${a.id}`)}>
            <Text className='wb-task-kind'>{a.stateLabel}{a.overdue ? ' · 已逾期' : ''}</Text>
            <Text className='wb-task-title'>{a.trackingNumber} · {a.name}</Text>
            <Text className='wb-task-meta'>{DISCLOSURE_CHANNELS[a.channel]} · {a.receivedOn} 收到{a.dueDate ? ` · 答复期限 ${a.dueDate}` : ''}</Text>
            <Text className='wb-task-meta'>{a.description}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
