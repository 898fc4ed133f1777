import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { can, DEPARTMENTS, formatShanghaiDate, type DepartmentCode, type MessageStats } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { downloadCsv } from '../../lib/download'
import { Chips, Field } from '../../lib/Fields'
import { asStaff, savedSession } from '../../lib/session'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

/** 留言统计: received, answered on time, overdue, average working days, per department, for a range of arrival dates; CSV. */
export default function MessageStatsPage() {
  const staff = savedSession()?.staff
  const today = formatShanghaiDate(new Date())
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const platform = staff ? can(staff, 'platform.configure') : false
  const [department, setDepartment] = useState('')
  const [stats, setStats] = useState<MessageStats>()
  const [error, setError] = useState('')
  const query = () => ({ from, to, ...(department ? { department: department as DepartmentCode } : {}) })
  const load = () => asStaff((c) => c.call('getMessageStats', { query: query() })).then((r) => (setStats(r), setError('')), (err: unknown) => setError(errorMessage(err)))
  useEffect(() => void load(), [])
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const csv = async () => {
    const params = new URLSearchParams({ from, to, ...(department ? { department } : {}) })
    setError(await downloadCsv(`/api/v1/staff/interaction/stats.csv?${params.toString()}`, `留言统计-${from}-${to}.csv`))
  }
  return (
    <View className='workbench'>
      <Text className='workbench-title'>留言统计</Text>
      <Field label='收到日期从（YYYY-MM-DD）' value={from} onInput={setFrom} />
      <Field label='到' value={to} onInput={setTo} />
      {platform ? <Chips label='部门（不选为全部）' options={DEPARTMENTS.map((d) => ({ value: d.code, text: d.name }))} selected={[department]} onToggle={(v) => setDepartment(v === department ? '' : v)} /> : null}
      <View className='wb-button' role='button' onClick={() => void load()}>
        <Text>统计</Text>
      </View>
      <View className='wb-button wb-secondary' role='button' onClick={() => void csv()}>
        <Text>导出 CSV</Text>
      </View>
      <ErrorNotice error={error} />
      {stats?.calendarGap ? <View className='wb-error' role='alert'><Text>{stats.calendarGap}</Text></View> : null}
      <View data-testid='message-stats'>
        {(stats?.rows ?? []).map((r) => (
          <View key={r.department} className='wb-card'>
            <Text className='wb-name'>{r.departmentName}</Text>
            <Text className='wb-task-meta'>收到 {r.received} · 已答复 {r.answered}（按期 {r.answeredOnTime}）· 逾期 {r.overdue} · 未答复 {r.open} · 平均办理 {r.averageHandlingDays ?? '—'} 个工作日</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
