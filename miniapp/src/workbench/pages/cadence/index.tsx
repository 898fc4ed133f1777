import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { can, COLUMN_KIND_LABELS, formatShanghaiDateTime, PUBLISHING_CHANNEL_LABELS, RECORDED_CHANNELS, type PublishingChannel, type CadenceAccount, type CadenceColumn, type CadenceDashboard } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { downloadCsv } from '../../lib/download'
import { ErrorNotice, LoadingPage } from '../../lib/Notices'
import '../index/index.css'
import './index.css'

/**
 * 更新频次: each account of the department — 12 weeks as a strip (green: met the minimum,
 * red: short, the current week last), this week's progress, days since the last update —
 * with accounts at risk first and marked.
 */
export default function CadencePage() {
  const staff = savedSession()?.staff
  const [dash, setDash] = useState<CadenceDashboard>()
  const [error, setError] = useState('')
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const act = async (run: () => Promise<CadenceDashboard>) => {
    setError('')
    try {
      setDash(await run())
    } catch (err) {
      setError(errorMessage(err, '操作失败，请稍后再试'))
    }
  }
  const load = () =>
    asStaff((c) => c.call('getCadenceDashboard', { query: {} }))
      .then(setDash)
      .catch((err: unknown) => setError(errorMessage(err)))
  useEffect(() => {
    void load()
  }, [])
  Taro.useDidShow(() => void load())
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  if (!dash) return <LoadingPage error={error} />
  const accounts = [...dash.accounts].sort((a, b) => Number(b.atRisk) - Number(a.atRisk))
  const manages = can(staff, 'staff.manage', staff.department)
  const writes = can(staff, 'content.write', staff.department)
  return (
    <View className='workbench'>
      <Text className='workbench-title'>更新频次</Text>
      <Text className='workbench-text'>每个账号每周至少按要求更新，且不得连续 14 天无更新。本周：{dash.week}</Text>
      {accounts.length === 0 ? <Text className='workbench-text'>本部门还没有发布过内容。</Text> : null}
      <ErrorNotice error={error} />
      <View className='wb-button wb-secondary' role='button' onClick={() => void downloadCsv('/api/v1/staff/cadence/export.csv?table=accounts', '各账号近12周更新次数.csv').then(setError)}>
        <Text>导出 CSV</Text>
      </View>
      {manages && staff.roles.includes('department-admin') ? <AccountRegistrar onSaved={setDash} onError={setError} /> : null}
      {accounts.map((a) => {
        const now = a.weeks.at(-1)!
        return (
          <View key={a.id} className={'wb-card cadence-account' + (a.atRisk ? ' cadence-at-risk' : '')} data-testid='cadence-account' data-at-risk={a.atRisk}>
            <Text className='wb-name'>{a.name}</Text>
            <Text className='workbench-text'>渠道：{PUBLISHING_CHANNEL_LABELS[a.channel as PublishingChannel] ?? a.channel}</Text>
            {a.paused ? <Text className='workbench-text'>已暂停考核：{a.paused.reason}</Text> : null}
            <View className='cadence-strip' role='img' aria-label={`近 12 周：${a.weeks.map((w) => `${w.week} ${w.published} 条`).join('，')}`}>
              {a.weeks.map((w, i) => (
                <View key={w.week} className={'cadence-cell ' + (!w.tracked ? 'cadence-untracked' : w.compliant ? 'cadence-ok' : i === a.weeks.length - 1 ? 'cadence-pending' : 'cadence-short')} data-week={w.week} data-compliant={w.compliant} data-tracked={w.tracked}>
                  <Text>{w.tracked ? w.published : '—'}</Text>
                </View>
              ))}
            </View>
            <Text className='workbench-text' data-testid='cadence-this-week'>
              本周已发布 {now.published} 条{now.forecast ? `，定时 ${now.forecast} 条` : ''}，最低要求 {a.minPerWeek} 条
              {now.compliant ? '（已达标）' : `（还差 ${a.minPerWeek - now.published - now.forecast} 条）`}
            </Text>
            <Text className='workbench-text'>{a.daysSinceUpdate === null ? '尚无更新' : `距上次更新 ${a.daysSinceUpdate} 天`}</Text>
            <View className='cadence-columns' data-testid='cadence-columns'>
              <Text className='wb-label'>栏目</Text>
              {a.columns.map((c) => (
                <ColumnRow key={c.id} column={c} manages={manages} onSaved={setDash} onError={setError} />
              ))}
            </View>
            {writes && a.channel !== 'miniprogram' ? <PostRecorder account={a} onSaved={setDash} onError={setError} /> : null}
            {manages ? <RuleEditor account={a} onSaved={setDash} onError={setError} /> : null}
            {manages && a.paused ? (
              <View className='wb-button wb-secondary' role='button' onClick={() => void act(() => asStaff((c) => c.call('resumePublishingAccount', { params: { id: a.id } })))}>
                <Text>恢复考核</Text>
              </View>
            ) : null}
            {manages && !a.paused ? (
              <View>
                <Input className='wb-input' aria-label='暂停考核原因' placeholder='暂停考核的原因，例如：账号注销中' value={reasons[a.id] ?? ''} onInput={(e) => setReasons({ ...reasons, [a.id]: e.detail.value })} />
                <View className='wb-button wb-secondary' role='button' onClick={() => void act(() => asStaff((c) => c.call('pausePublishingAccount', { params: { id: a.id }, body: { reason: reasons[a.id] ?? '' } })))}>
                  <Text>暂停考核</Text>
                </View>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}

/** 登记账号: the department admin adds the department's account on another channel. */
function AccountRegistrar({ onSaved, onError }: { onSaved: (d: CadenceDashboard) => void; onError: (m: string) => void }) {
  const [channel, setChannel] = useState<(typeof RECORDED_CHANNELS)[number]>('official-account')
  const [name, setName] = useState('')
  const [min, setMin] = useState('2')
  const save = async () => {
    onError('')
    try {
      onSaved(await asStaff((api) => api.call('registerPublishingAccount', { body: { channel, name, minPerWeek: Number(min) } })))
      setName('')
    } catch (err) {
      onError(errorMessage(err, '登记失败，请稍后再试'))
    }
  }
  return (
    <View className='wb-card' data-testid='cadence-register'>
      <Text className='wb-label'>登记本部门在其他渠道的账号</Text>
      <View className='cadence-column-settings'>
        {RECORDED_CHANNELS.map((c) => (
          <View key={c} className={'wb-check' + (channel === c ? ' wb-check-on' : '')} role='radio' aria-checked={channel === c} onClick={() => setChannel(c)}>
            <Text>{channel === c ? '◉' : '○'} {PUBLISHING_CHANNEL_LABELS[c]}</Text>
          </View>
        ))}
      </View>
      <Input className='wb-input' aria-label='账号名称' placeholder='账号名称，例如：银川民政（微信公众号）' value={name} onInput={(e) => setName(e.detail.value)} />
      <View className='cadence-column-settings'>
        <Text className='workbench-text'>每周至少</Text>
        <Input className='wb-input cadence-number' type='number' aria-label='每周最少更新次数' value={min} onInput={(e) => setMin(e.detail.value)} />
        <Text className='workbench-text'>次</Text>
      </View>
      <View className='wb-button' role='button' onClick={() => void save()}>
        <Text>登记账号</Text>
      </View>
    </View>
  )
}

/** 登记发布: an editor records a post made on the account (another channel), so it counts. */
function PostRecorder({ account: a, onSaved, onError }: { account: CadenceAccount; onSaved: (d: CadenceDashboard) => void; onError: (m: string) => void }) {
  const columns = a.columns.filter((c) => c.active)
  const [column, setColumn] = useState(columns[0]?.code ?? '')
  const [title, setTitle] = useState('')
  const [url, setUrl] = useState('')
  const [when, setWhen] = useState(formatShanghaiDateTime(new Date()))
  const [minor, setMinor] = useState(false)
  const save = async () => {
    onError('')
    try {
      onSaved(await asStaff((api) => api.call('recordChannelPost', { params: { id: a.id }, body: { column, title, url, publishedAt: when, text: '', minor } })))
      setTitle('')
      setUrl('')
    } catch (err) {
      onError(errorMessage(err, '登记失败，请稍后再试'))
    }
  }
  return (
    <View className='cadence-post' data-testid='cadence-post'>
      <Text className='wb-label'>登记一次发布</Text>
      <View className='cadence-column-settings'>
        {columns.map((c) => (
          <View key={c.code} className={'wb-check' + (column === c.code ? ' wb-check-on' : '')} role='radio' aria-checked={column === c.code} onClick={() => setColumn(c.code)}>
            <Text>{column === c.code ? '◉' : '○'} {c.name}</Text>
          </View>
        ))}
      </View>
      <Input className='wb-input' aria-label='发布标题' placeholder='标题' value={title} onInput={(e) => setTitle(e.detail.value)} />
      <Input className='wb-input' aria-label='发布链接' placeholder='链接，例如 https://mp.weixin.qq.com/s/…' value={url} onInput={(e) => setUrl(e.detail.value)} />
      <Input className='wb-input' aria-label='发布时间' placeholder='发布时间（北京时间）YYYY-MM-DD HH:mm' value={when} onInput={(e) => setWhen(e.detail.value)} />
      <View className={'wb-check' + (minor ? ' wb-check-on' : '')} role='checkbox' aria-checked={minor} onClick={() => setMinor(!minor)}>
        <Text>{minor ? '☑' : '☐'} 次要更新（更正、补充等，不计入更新次数）</Text>
      </View>
      <View className='wb-button wb-secondary' role='button' onClick={() => void save()}>
        <Text>登记发布</Text>
      </View>
    </View>
  )
}

/** 更新要求: the account's weekly minimum and longest gap, for its department's admin. */
function RuleEditor({ account: a, onSaved, onError }: { account: CadenceAccount; onSaved: (d: CadenceDashboard) => void; onError: (m: string) => void }) {
  const [min, setMin] = useState(String(a.minPerWeek))
  const [gap, setGap] = useState(String(a.maxGapDays))
  const save = async () => {
    onError('')
    try {
      onSaved(await asStaff((api) => api.call('setPublishingAccountRule', { params: { id: a.id }, body: { minPerWeek: Number(min), maxGapDays: Number(gap) } })))
    } catch (err) {
      onError(errorMessage(err, '保存失败，请稍后再试'))
    }
  }
  return (
    <View className='cadence-column-settings' data-testid='cadence-rule'>
      <Text className='workbench-text'>每周至少</Text>
      <Input className='wb-input cadence-number' type='number' aria-label='每周最少更新次数' value={min} onInput={(e) => setMin(e.detail.value)} />
      <Text className='workbench-text'>次，最长间隔</Text>
      <Input className='wb-input cadence-number' type='number' aria-label='最长间隔天数' value={gap} onInput={(e) => setGap(e.detail.value)} />
      <Text className='workbench-text'>天</Text>
      <View className='wb-button wb-secondary' role='button' onClick={() => void save()}>
        <Text>保存更新要求</Text>
      </View>
    </View>
  )
}

const CONDITION_TEXT: Record<CadenceColumn['condition'], string> = { ok: '正常', stale: '超期未更新', blank: '空白（开天窗）', inactive: '未开设' }

/** One column (栏目): its state now; for admins, how many days it may go without an update, and whether it is run. */
function ColumnRow({ column: c, manages, onSaved, onError }: { column: CadenceColumn; manages: boolean; onSaved: (d: CadenceDashboard) => void; onError: (m: string) => void }) {
  const [days, setDays] = useState(String(c.staleAfterDays))
  const save = async (active: boolean) => {
    onError('')
    try {
      onSaved(await asStaff((api) => api.call('updateAccountColumn', { params: { id: c.id }, body: { staleAfterDays: Number(days), active } })))
    } catch (err) {
      onError(errorMessage(err, '保存失败，请稍后再试'))
    }
  }
  return (
    <View className={'cadence-column cadence-column-' + c.condition} data-testid='cadence-column' data-condition={c.condition} data-code={c.code}>
      <Text className='workbench-text'>
        {c.name}
        {c.name === COLUMN_KIND_LABELS[c.kind] ? '' : `（${COLUMN_KIND_LABELS[c.kind]}）`}：{CONDITION_TEXT[c.condition]}
        {c.active ? `，公开内容 ${c.liveItems} 条，${c.daysSinceUpdate === null ? '从未更新' : `${c.daysSinceUpdate} 天前更新`}，超过 ${c.staleAfterDays} 天未更新即超期` : ''}
      </Text>
      {manages ? (
        <View className='cadence-column-settings'>
          <Text className='workbench-text'>超过</Text>
          <Input className='wb-input cadence-number' type='number' aria-label={`${c.name}超期天数`} value={days} onInput={(e) => setDays(e.detail.value)} />
          <Text className='workbench-text'>天未更新算超期</Text>
          <View className='wb-button wb-secondary' role='button' onClick={() => void save(c.active)}>
            <Text>保存天数</Text>
          </View>
          <View className='wb-button wb-secondary' role='button' onClick={() => void save(!c.active)}>
            <Text>{c.active ? '不开设此栏目' : '恢复开设'}</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
