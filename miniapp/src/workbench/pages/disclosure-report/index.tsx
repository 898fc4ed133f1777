import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { can, DEPARTMENTS, toShanghaiParts, type DepartmentCode, type DisclosureReport } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { downloadCsv } from '../../lib/download'
import { Chips, Field } from '../../lib/Fields'
import { asStaff, savedSession } from '../../lib/session'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'
import './index.css'

/**
 * 政府信息公开工作年度报告 statistics as the national template's table (printable: the
 * browser's print shows only the table), the CSV, and the reconsiderations, lawsuits and
 * complaints the department enters.
 */
export default function DisclosureReportPage() {
  const staff = savedSession()?.staff
  const [year, setYear] = useState(String(toShanghaiParts(new Date()).year))
  const platform = staff ? can(staff, 'platform.configure') : false
  const [department, setDepartment] = useState<DepartmentCode>((staff?.department ?? DEPARTMENTS[0].code) as DepartmentCode)
  const which = platform ? { department } : {}
  const [report, setReport] = useState<DisclosureReport>()
  const [entries, setEntries] = useState({ reconsiderations: '0', lawsuits: '0', complaints: '0' })
  const [error, setError] = useState('')
  const load = () =>
    asStaff((c) => c.call('getDisclosureReport', { query: { year: Number(year), ...which } })).then(
      (r) => {
        setReport(r)
        setEntries({ reconsiderations: String(r.reconsiderations), lawsuits: String(r.lawsuits), complaints: String(r.complaints) })
        setError('')
      },
      (err: unknown) => setError(errorMessage(err)),
    )
  useEffect(() => void load(), [])
  const save = () =>
    asStaff((c) => c.call('setDisclosureReportEntries', { body: { year: Number(year), ...which, reconsiderations: Number(entries.reconsiderations), lawsuits: Number(entries.lawsuits), complaints: Number(entries.complaints) } })).then(
      (r) => (setReport(r), setError('')),
      (err: unknown) => setError(errorMessage(err)),
    )
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  return (
    <View className='workbench'>
      <View className='no-print'>
        <Text className='workbench-title'>政府信息公开工作年度报告统计</Text>
        <Field label='年度' number value={year} onInput={setYear} />
        {platform ? <Chips label='部门' options={DEPARTMENTS.map((d) => ({ value: d.code, text: d.name }))} selected={[department]} onToggle={(v) => setDepartment(v as DepartmentCode)} /> : null}
        <View className='wb-button' role='button' data-testid='report-load' onClick={() => void load()}>
          <Text>统计</Text>
        </View>
      </View>
      <ErrorNotice error={error} />
      {report ? (
        <View data-testid='disclosure-report'>
          <Text className='workbench-title'>{report.departmentName} {report.year} 年政府信息公开工作年度报告附表</Text>
          <View className='report-table' role='table'>
            <View className='report-row report-head' role='row'>
              <View className='report-label' role='cell'>指标名称</View>
              <View className='report-num' role='cell'>{report.year}</View>
              <View className='report-num' role='cell'>历年累计</View>
            </View>
            {report.rows.map((r) => (
              <View key={r.label} className='report-row' role='row' data-testid='report-row'>
                <View className='report-label' role='cell'>{r.label}</View>
                <View className='report-num' role='cell'>{r.year}</View>
                <View className='report-num' role='cell'>{r.cumulative ?? '—'}</View>
              </View>
            ))}
          </View>
          <View className='no-print'>
            <Text className='workbench-text'>本年办结但未答复：视为放弃 {report.closed.abandoned} 件，撤回 {report.closed.withdrawn} 件。</Text>
            <Text className='workbench-title'>登记行政复议、行政诉讼、申诉举报</Text>
            <Field label='行政复议数' number value={entries.reconsiderations} onInput={(v) => setEntries((e) => ({ ...e, reconsiderations: v }))} />
            <Field label='行政诉讼数' number value={entries.lawsuits} onInput={(v) => setEntries((e) => ({ ...e, lawsuits: v }))} />
            <Field label='行政申诉、举报数' number value={entries.complaints} onInput={(v) => setEntries((e) => ({ ...e, complaints: v }))} />
            <View className='wb-button' role='button' data-testid='report-save' onClick={() => void save()}>
              <Text>保存</Text>
            </View>
            <View className='wb-button wb-secondary' role='button' onClick={() => void downloadCsv(`/api/v1/staff/disclosure/report.csv?year=${report.year}&department=${report.department}`, `政府信息公开年度报告-${report.year}.csv`).then((m) => m && setError(m))}>
              <Text>导出 CSV</Text>
            </View>
            <View className='wb-button wb-secondary' role='button' onClick={() => typeof window !== 'undefined' && window.print()}>
              <Text>打印</Text>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
