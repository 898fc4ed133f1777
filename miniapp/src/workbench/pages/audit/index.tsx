import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { formatShanghaiDateTime, type AuditEntry } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { downloadCsv } from '../../lib/download'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

/**
 * 审计查询 (platform admins): the audit trail by object, person, action and Beijing date
 * range, newest first, with the CSV export of the same filters.
 */
export default function AuditPage() {
  const staff = savedSession()?.staff
  const [filters, setFilters] = useState({ subject: '', actor: '', action: '', from: '', to: '' })
  const [items, setItems] = useState<AuditEntry[]>()
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState('')
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const query = (cursor?: string) => ({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim())), ...(cursor ? { cursor } : {}), limit: 50 })
  const search = async (cursor?: string) => {
    setError('')
    try {
      const page = await asStaff((c) => c.call('listAudit', { query: query(cursor) as never }))
      setItems(cursor ? [...(items ?? []), ...page.items] : page.items)
      setNext(page.nextCursor)
    } catch (err) {
      setError(errorMessage(err, '查询失败，请稍后再试'))
    }
  }
  const exportCsv = async () => {
    const qs = new URLSearchParams(Object.entries(query()).map(([k, v]) => [k, String(v)]))
    qs.delete('limit')
    setError(await downloadCsv(`/api/v1/audit/export.csv?${qs.toString()}`, 'audit.csv'))
  }
  const field = (key: keyof typeof filters, label: string, placeholder: string) => (
    <View className='wb-field'>
      <Text className='wb-label'>{label}</Text>
      <Input className='wb-input' aria-label={label} placeholder={placeholder} value={filters[key]} onInput={(e) => setFilters({ ...filters, [key]: e.detail.value })} />
    </View>
  )
  return (
    <View className='workbench'>
      <Text className='workbench-title'>审计查询</Text>
      {field('subject', '对象', '例如 content:内容编号 或 staff:账号编号')}
      {field('actor', '操作人', '账号编号')}
      {field('action', '操作', '例如 edition.publish、item.withdraw')}
      {field('from', '开始日期', '例如 2026-11-01')}
      {field('to', '结束日期', '例如 2026-11-30')}
      <View className='wb-button' role='button' onClick={() => void search()}>
        <Text>查询</Text>
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void exportCsv()}>
          <Text>导出 CSV</Text>
        </View>
      ) : null}
      <ErrorNotice error={error} />
      {items?.length === 0 ? <Text className='workbench-text'>没有符合条件的记录</Text> : null}
      {items?.map((e) => (
        <View key={e.id} className='wb-list-row' data-testid='audit-row'>
          <Text className='wb-task-meta'>{formatShanghaiDateTime(e.at)} · {e.actor.name}{e.actor.ip ? `（${e.actor.ip}）` : ''}</Text>
          <Text className='wb-task-title'>{e.action}</Text>
          <Text className='wb-task-meta'>{e.subject}{e.reason ? ` · 理由：${e.reason}` : ''}</Text>
        </View>
      ))}
      {next ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void search(next)}>
          <Text>加载更多</Text>
        </View>
      ) : null}
    </View>
  )
}
