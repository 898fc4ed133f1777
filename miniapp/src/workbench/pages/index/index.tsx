import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { can, CONTENT_STATUS_LABELS, EDITION_STATE_LABELS, REVIEW_TASK_KIND_LABELS, STAFF_ROLE_LABELS, type CadenceTask, type DepartmentDashboard, type Edition, type ReviewTask, type StaffItemList, type StaffProfile, type StaffWeChat } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { formatDateOnlyCn, formatWaited } from '@/lib/format'
import { asStaff, logIn, logInWithWeChat, logOut, savedSession } from '../../lib/session'
import { ErrorNotice } from '../../lib/Notices'
import './index.css'

/**
 * 工作台 (staff workbench): log-in, then who is logged in. Drafting and review pages
 * are built on this session (issue 4).
 */
export default function WorkbenchIndex() {
  const [staff, setStaff] = useState<StaffProfile | undefined>(() => savedSession()?.staff)
  const [checking, setChecking] = useState(() => !!savedSession())

  // A saved session may have been revoked or expired: ask the server who we are.
  useEffect(() => {
    if (!savedSession()) return
    asStaff((c) => c.call('getStaffMe', {}))
      .then(setStaff)
      .catch(() => setStaff(undefined))
      .finally(() => setChecking(false))
  }, [])

  if (checking) return <View className='workbench'><Text className='workbench-text'>正在确认登录状态…</Text></View>
  return staff ? <Signedin staff={staff} onLogOut={() => setStaff(undefined)} /> : <LogInForm onLoggedIn={setStaff} />
}

function LogInForm({ onLoggedIn }: { onLoggedIn: (s: StaffProfile) => void }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      const session = await logIn(username.trim(), password)
      onLoggedIn(session.staff)
    } catch (err) {
      setError(errorMessage(err, '登录失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='workbench'>
      <Text className='workbench-title'>工作台登录</Text>
      <Text className='workbench-text'>供各部门编辑、审核人员和管理员使用。</Text>
      <View className='wb-field'>
        <Text className='wb-label'>用户名</Text>
        <Input className='wb-input' type='text' value={username} aria-label='用户名' placeholder='请输入用户名' onInput={(e) => setUsername(e.detail.value)} />
      </View>
      <View className='wb-field'>
        <Text className='wb-label'>密码</Text>
        <Input className='wb-input' password value={password} aria-label='密码' placeholder='请输入密码' onInput={(e) => setPassword(e.detail.value)} onConfirm={submit} />
      </View>
      <ErrorNotice error={error} />
      <View className={'wb-button' + (busy ? ' wb-busy' : '')} role='button' onClick={submit}>
        <Text>{busy ? '正在登录…' : '登录'}</Text>
      </View>
      {IN_WECHAT ? (
        <View
          className='wb-button wb-secondary'
          role='button'
          onClick={() => {
            setError('')
            logInWithWeChat().then((s) => onLoggedIn(s.staff), (err: unknown) => setError(errorMessage(err, '微信登录失败，请用用户名和密码登录')))
          }}
        >
          <Text>微信登录（已绑定的账号）</Text>
        </View>
      ) : null}
    </View>
  )
}

const openEdition = (id: string) => void Taro.navigateTo({ url: `/workbench/pages/edition/index?id=${id}` })

function EditionRows({ title, editions, testId }: { title: string; editions: Edition[]; testId: string }) {
  return (
    <View className='wb-field' data-testid={testId}>
      <Text className='wb-label'>{title}</Text>
      {editions.length === 0 ? <Text className='workbench-text'>暂无</Text> : null}
      {editions.map((e) => (
        <View key={e.id} className='wb-list-row' role='link' onClick={() => openEdition(e.id)}>
          <Text>{e.content.title}（{EDITION_STATE_LABELS[e.state]}）</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * 审核任务: what waits for this reviewer, oldest first — force-published editions to review
 * after the fact, then submissions; each with how long it has waited, late ones marked.
 */
function TaskRows({ tasks, onChange }: { tasks: ReviewTask[]; onChange: (tasks: ReviewTask[]) => void }) {
  const [error, setError] = useState('')
  const complete = async (task: ReviewTask, outcome: 'confirmed' | 'needs-action') => {
    setError('')
    try {
      onChange((await asStaff((c) => c.call('completeRetrospectiveReview', { params: { id: task.id }, body: { outcome } }))).items)
    } catch (err) {
      setError(errorMessage(err, '操作失败，请稍后再试'))
    }
  }
  return (
    <View className='wb-field' data-testid='review-queue'>
      <Text className='wb-label'>审核任务</Text>
      {tasks.length === 0 ? <Text className='workbench-text'>暂无</Text> : null}
      {tasks.map((t) => (
        <View key={t.id} className={'wb-list-row wb-task' + (t.overdue ? ' wb-task-overdue' : '')} data-kind={t.kind} data-overdue={t.overdue}>
          <View role='link' onClick={() => openEdition(t.editionId)}>
            <Text className='wb-task-kind'>{REVIEW_TASK_KIND_LABELS[t.kind]}</Text>
            <Text className='wb-task-title'>{t.title}</Text>
            <Text className='wb-task-meta'>
              已等待 {formatWaited(t.since)}
              {t.dueOn ? `，应于 ${formatDateOnlyCn(t.dueOn)} 前完成` : ''}
              {t.overdue ? '（已超过 1 个工作日）' : ''}
            </Text>
            {t.reason ? <Text className='wb-task-meta'>强制发布理由：{t.reason}</Text> : null}
            {t.calendarWarning ? <Text className='wb-task-warn'>{t.calendarWarning}</Text> : null}
          </View>
          {t.kind === 'retrospective' ? (
            <View className='wb-task-actions'>
              <View className='wb-button' role='button' onClick={() => void complete(t, 'confirmed')}>
                <Text>事后审核：确认无误</Text>
              </View>
              <View className='wb-button wb-secondary' role='button' onClick={() => void complete(t, 'needs-action')}>
                <Text>需要处理（撤回或修订）</Text>
              </View>
            </View>
          ) : null}
        </View>
      ))}
      <ErrorNotice error={error} />
    </View>
  )
}

const IN_WECHAT = process.env.TARO_ENV === 'weapp'

/**
 * 微信: bind this account's WeChat (then log in by WeChat) and allow 待审核提醒. Both need
 * `wx.login` / `wx.requestSubscribeMessage`, so they work in the mini-program; the browser
 * version says where to do it.
 */
function WeChatCard({ reviews }: { reviews: boolean }) {
  const [state, setState] = useState<StaffWeChat>()
  const [message, setMessage] = useState('')
  useEffect(() => {
    void asStaff((c) => c.call('getStaffWeChat', {})).then(setState).catch(() => undefined)
  }, [])
  if (!state) return null
  const run = async (what: () => Promise<StaffWeChat>, done: string) => {
    setMessage('')
    try {
      setState(await what())
      setMessage(done)
    } catch (err) {
      setMessage(errorMessage(err, '操作失败，请稍后再试'))
    }
  }
  const bind = () => run(async () => asStaff(async (c) => c.call('bindStaffWeChat', { body: { code: (await Taro.login()).code } })), '已绑定微信，下次可用微信登录')
  const subscribe = () =>
    run(async () => {
      const template = state.reviewTemplateId!
      const answer = (await Taro.requestSubscribeMessage({ tmplIds: [template], entityIds: [] } as never)) as unknown as Record<string, string>
      const result = (['accept', 'reject', 'ban', 'filter'] as const).find((r) => r === answer[template]) ?? 'reject'
      return asStaff((c) => c.call('recordStaffMessageConsent', { body: { results: [{ templateId: template, result, kind: state.reviewTemplateLongTerm ? 'long-term' : 'one-time' }] } }))
    }, '已记录审核提醒授权')
  const consent = state.consents.find((c) => c.templateId === state.reviewTemplateId)
  return (
    <View className='wb-card' data-testid='wechat-card'>
      <Text className='wb-label'>微信</Text>
      {!state.available ? <Text className='workbench-text'>本系统未配置微信小程序，微信登录和审核提醒不可用。</Text> : null}
      {state.available ? <Text className='workbench-text'>{state.bound ? '已绑定微信，可用微信登录。' : '尚未绑定微信。'}</Text> : null}
      {state.available && reviews && state.reviewTemplateId ? (
        <Text className='workbench-text'>
          审核提醒：{consent?.longTerm ? '已开启（长期）' : consent?.remaining ? `还可接收 ${consent.remaining} 条` : '未开启，待审核稿件只在工作台任务中显示'}
        </Text>
      ) : null}
      {state.available && !IN_WECHAT ? <Text className='workbench-text'>绑定微信、开启审核提醒请在微信小程序的工作台中操作。</Text> : null}
      {state.available && IN_WECHAT ? (
        <View>
          {state.bound ? (
            <View className='wb-button wb-secondary' role='button' onClick={() => void run(() => asStaff((c) => c.call('unbindStaffWeChat', {})), '已解除微信绑定')}>
              <Text>解除微信绑定</Text>
            </View>
          ) : (
            <View className='wb-button' role='button' onClick={() => void bind()}>
              <Text>绑定微信</Text>
            </View>
          )}
          {state.bound && reviews && state.reviewTemplateId ? (
            <View className='wb-button wb-secondary' role='button' onClick={() => void subscribe()}>
              <Text>{state.reviewTemplateLongTerm ? '开启审核提醒' : '开启审核提醒（每次授权可接收 1 条）'}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {message ? <View role='status'><Text className='workbench-text'>{message}</Text></View> : null}
    </View>
  )
}

/** 本部门概览: the figures a department's leaders answer for. */
function DashboardCard({ d }: { d: DepartmentDashboard }) {
  return (
    <View className='wb-card wb-dashboard' data-testid='dashboard'>
      <Text className='wb-label'>本部门概览</Text>
      <Text className='workbench-text'>待审核 {d.waitingReview} 件{d.overdueReview ? `，其中超过 1 个工作日 ${d.overdueReview} 件` : ''}</Text>
      <Text className='workbench-text'>定时发布 {d.scheduled} 件</Text>
      <Text className='workbench-text' data-testid='force-published'>强制发布：本年 {d.forcePublished.thisYear} 次，累计 {d.forcePublished.total} 次</Text>
      <Text className='workbench-text'>事后审核待完成 {d.retrospectiveOpen} 件{d.retrospectiveOverdue ? `，逾期 ${d.retrospectiveOverdue} 件` : ''}</Text>
    </View>
  )
}

/** 更新提醒: the department's cadence warnings still to act on, urgent ones marked; each opens 更新频次. */
function CadenceTaskRows({ tasks }: { tasks: CadenceTask[] }) {
  return (
    <View className='wb-field' data-testid='cadence-tasks'>
      <Text className='wb-label'>更新提醒</Text>
      {tasks.length === 0 ? <Text className='workbench-text'>暂无</Text> : null}
      {tasks.map((t) => (
        <View key={t.id} className={'wb-list-row wb-task' + (t.urgent ? ' wb-task-overdue' : '')} data-kind={t.kind} data-urgent={t.urgent}>
          <View role='link' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/cadence/index' })}>
            <Text className='wb-task-title'>{t.title}</Text>
            <Text className='wb-task-meta'>{t.detail}</Text>
          </View>
          {t.inReview.map((e) => (
            <View key={e.editionId} role='link' className='wb-task-meta' onClick={() => openEdition(e.editionId)}>
              <Text>· {e.title}（{e.state === 'approved' ? '已审核通过，可发布' : '待审核'}）</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

/** 本部门内容: every item of the department, each opening its history (editions; 修订, 撤回, 下线, 效力状态; 强制发布 of a draft). */
function ItemRows({ items }: { items: StaffItemList['items'] }) {
  return (
    <View className='wb-field' data-testid='department-items'>
      <Text className='wb-label'>本部门内容</Text>
      {items.length === 0 ? <Text className='workbench-text'>暂无</Text> : null}
      {items.map((i) => (
        <View key={i.id} className='wb-list-row' role='link' onClick={() => void Taro.navigateTo({ url: `/workbench/pages/item/index?id=${i.id}` })}>
          <Text>{i.title}（{CONTENT_STATUS_LABELS[i.status]}）</Text>
        </View>
      ))}
    </View>
  )
}

function Signedin({ staff, onLogOut }: { staff: StaffProfile; onLogOut: () => void }) {
  const [busy, setBusy] = useState(false)
  const writes = can(staff, 'content.write', staff.department)
  const reviews = can(staff, 'content.review', staff.department)
  const reads = can(staff, 'content.read', staff.department)
  const [mine, setMine] = useState<Edition[]>([])
  const [tasks, setTasks] = useState<ReviewTask[]>([])
  const [items, setItems] = useState<StaffItemList['items']>([])
  const [dashboard, setDashboard] = useState<DepartmentDashboard>()
  const [cadenceTasks, setCadenceTasks] = useState<CadenceTask[]>([])
  const warned = writes || (can(staff, 'staff.manage', staff.department) && staff.roles.includes('department-admin'))
  const refresh = () => {
    if (warned) void asStaff((c) => c.call('listCadenceTasks', {})).then((r) => setCadenceTasks(r.items)).catch(() => undefined)
    if (reads) void asStaff((c) => c.call('getDepartmentDashboard', {})).then(setDashboard).catch(() => undefined)
    if (reads) void asStaff((c) => c.call('listStaffItems', { query: {} })).then((r) => setItems(r.items)).catch(() => undefined)
    if (writes) void asStaff((c) => c.call('listMyEditions', {})).then((r) => setMine(r.items)).catch(() => undefined)
    if (reviews) void asStaff((c) => c.call('listReviewTasks', {})).then((r) => setTasks(r.items)).catch(() => undefined)
  }
  // On log-in, and whenever the page shows again (coming back from an edition).
  useEffect(refresh, [])
  Taro.useDidShow(refresh)
  const out = async () => {
    setBusy(true)
    try {
      await logOut()
    } catch {
      // The session is forgotten here either way.
    }
    onLogOut()
  }
  return (
    <View className='workbench'>
      <Text className='workbench-title'>工作台</Text>
      <View className='wb-card' data-testid='staff-card'>
        <Text className='wb-name'>{staff.displayName}</Text>
        <Text className='workbench-text'>{staff.departmentName}</Text>
        <Text className='workbench-text'>角色：{staff.roles.map((r) => STAFF_ROLE_LABELS[r]).join('、')}</Text>
        <Text className='workbench-text'>用户名：{staff.username}</Text>
      </View>
      {writes ? (
        <View className='wb-button' role='button' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/new/index' })}>
          <Text>新建政策文件</Text>
        </View>
      ) : null}
      {dashboard ? <DashboardCard d={dashboard} /> : null}
      {warned ? <CadenceTaskRows tasks={cadenceTasks} /> : null}
      {reviews ? <TaskRows tasks={tasks} onChange={setTasks} /> : null}
      {writes ? <EditionRows title='我的稿件' editions={mine} testId='my-editions' /> : null}
      {reads ? <ItemRows items={items} /> : null}
      {reads ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/cadence/index' })}>
          <Text>更新频次</Text>
        </View>
      ) : null}
      {reads ? (
        <View className='wb-button wb-secondary' role='button' data-testid='channels-entry' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/channels/index' })}>
          <Text>渠道账号（公众号、微博）</Text>
        </View>
      ) : null}
      {can(staff, 'push.control', staff.department) ? (
        <View className='wb-button wb-secondary' role='button' data-testid='campaigns-entry' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/campaigns/index' })}>
          <Text>精准推送</Text>
        </View>
      ) : null}
      {can(staff, 'disclosure.handle', staff.department) || can(staff, 'disclosure.report', staff.department) ? (
        <View className='wb-button wb-secondary' role='button' data-testid='disclosures-entry' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/disclosures/index' })}>
          <Text>依申请公开</Text>
        </View>
      ) : null}
      {can(staff, 'interaction.handle', staff.department) || can(staff, 'platform.configure') ? (
        <View className='wb-button wb-secondary' role='button' data-testid='interaction-entry' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/messages/index' })}>
          <Text>互动交流（留言、征求意见）</Text>
        </View>
      ) : null}
      {can(staff, 'platform.configure') ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/calendar/index' })}>
          <Text>工作日历</Text>
        </View>
      ) : null}
      {reads || can(staff, 'platform.configure') ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/compliance/index' })}>
          <Text>合规概览</Text>
        </View>
      ) : null}
      <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/words/index' })}>
        <Text>{can(staff, 'platform.configure') ? '维护错敏词表' : '查看错敏词表'}</Text>
      </View>
      {can(staff, 'staff.manage', staff.department) ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/staff/index' })}>
          <Text>账号管理</Text>
        </View>
      ) : null}
      {can(staff, 'audit.read') ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/audit/index' })}>
          <Text>审计查询</Text>
        </View>
      ) : null}
      <WeChatCard reviews={reviews} />
      <View className='wb-button wb-secondary' role='button' onClick={busy ? undefined : out}>
        <Text>退出登录</Text>
      </View>
    </View>
  )
}
