import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { can, type CalendarStatus } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { Area, Field } from '../../lib/Fields'
import { asStaff, savedSession } from '../../lib/session'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

const dates = (text: string) => text.split(/[\s,，、;；]+/).map((d) => d.trim()).filter(Boolean)

/**
 * 工作日历: the years whose holiday arrangement the server has (bundled or loaded), the
 * warning from November when next year's is missing, and — for platform admins — loading
 * a year as the State Council publishes it: the days off and the 调休 working days.
 */
export default function CalendarPage() {
  const staff = savedSession()?.staff
  const [status, setStatus] = useState<CalendarStatus>()
  const [form, setForm] = useState({ year: '', holidays: '', workdays: '', source: '' })
  const [error, setError] = useState('')
  const [done, setDone] = useState('')
  const load = () => asStaff((c) => c.call('getWorkingCalendar', {})).then(setStatus, (err: unknown) => setError(errorMessage(err)))
  useEffect(() => void load(), [])
  const submit = () =>
    asStaff((c) => c.call('loadWorkingCalendarYear', { params: { year: Number(form.year) }, body: { holidays: dates(form.holidays), workdays: dates(form.workdays), source: form.source } })).then(
      (r) => (setStatus(r), setError(''), setDone(`已导入 ${form.year} 年的节假日安排`)),
      (err: unknown) => (setError(errorMessage(err)), setDone('')),
    )
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  return (
    <View className='workbench'>
      <Text className='workbench-title'>工作日历</Text>
      <Text className='workbench-text'>答复期限等按工作日计算：周一至周五，扣除法定节假日，加上调休上班的周末。缺少某年安排时，跨入该年的期限不会被猜测，而是提示导入。</Text>
      {status?.warning ? <View className='wb-error' role='alert' data-testid='calendar-warning'><Text>{status.warning}</Text></View> : null}
      <View data-testid='calendar-years'>
        {(status?.years ?? []).map((y) => (
          <View key={y.year} className='wb-list-row'>
            <Text className='wb-task-title'>{y.year} 年{y.loaded ? '（管理员导入）' : '（内置）'}</Text>
            <Text className='wb-task-meta'>放假 {y.holidays} 天 · 调休上班 {y.workdays} 天 · {y.source}</Text>
          </View>
        ))}
      </View>
      {can(staff, 'platform.configure') ? (
        <View className='wb-card' data-testid='calendar-load'>
          <Text className='wb-name'>导入年度安排</Text>
          <Field label='年份' number value={form.year} onInput={(v) => setForm((f) => ({ ...f, year: v }))} />
          <Area label='放假日期（YYYY-MM-DD，空格或逗号分隔；含假期中的周末）' value={form.holidays} onInput={(v) => setForm((f) => ({ ...f, holidays: v }))} />
          <Area label='调休上班的周末日期' value={form.workdays} onInput={(v) => setForm((f) => ({ ...f, workdays: v }))} />
          <Field label='依据（通知名称和文号）' value={form.source} onInput={(v) => setForm((f) => ({ ...f, source: v }))} />
          <ErrorNotice error={error} />
          {done ? <Text className='wb-ok'>{done}</Text> : null}
          <View className='wb-button' role='button' data-testid='calendar-submit' onClick={() => void submit()}>
            <Text>导入</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
