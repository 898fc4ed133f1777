import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatShanghaiDate, MESSAGE_TRANSITIONS, type MessageAction, type StaffMessage } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { Area, Chips, Field } from '../../lib/Fields'
import { MESSAGE_STEP_FIELDS, messageStepBody } from '../../lib/interactionForm'
import { History } from '../../lib/History'
import { asStaff, savedSession } from '../../lib/session'
import { LoadingPage } from '../../lib/Notices'
import '../index/index.css'

const VERDICTS = { pass: '通过', review: '需人工审核', risky: '高风险' } as const

/** 办理留言: the text, what the content check found, the deadline, the history, and the steps the person may take. */
export default function MessagePage() {
  const id = useRouter().params.id ?? ''
  const me = savedSession()?.staff
  const [m, setM] = useState<StaffMessage>()
  const [error, setError] = useState('')
  const [open, setOpen] = useState<MessageAction>()
  const [values, setValues] = useState<Record<string, string>>({})
  const load = () => asStaff((c) => c.call('getStaffMessage', { params: { id } })).then((r) => (setM(r), setError('')), (err: unknown) => setError(errorMessage(err)))
  useEffect(() => void load(), [id])
  const take = async (action: MessageAction, extra: Record<string, string> = {}) => {
    try {
      setM(await asStaff((c) => c.call('actOnMessage', { params: { id }, body: messageStepBody(action, { ...values, ...extra }) })))
      setOpen(undefined)
      setValues({})
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  if (!me) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  if (!m) return <LoadingPage error={error} />
  const c = m.clock
  return (
    <View className='workbench' data-testid='message-handle' data-state={m.state}>
      <Text className='workbench-title'>{m.trackingNumber}</Text>
      <Text className='wb-state' data-testid='message-state'>{m.stateLabel}</Text>
      <View className='wb-card'>
        <Text className='wb-task-meta' data-testid='message-clock'>
          {c.calendarGap ?? `${m.receivedOn} 收到 · ${m.categoryLabel}（${m.answerDays} 个工作日）${c.dueDate ? ` · 答复期限 ${c.dueDate}` : ''}${c.overdue && !m.reply ? ' · 已逾期' : ''}${c.alarm && !m.reply ? ' · 60 天告警' : ''}`}
        </Text>
        <Text className='wb-task-meta'>内容安全检查：{VERDICTS[m.screening.verdict]}{m.screening.platform.error ? `（${m.screening.platform.error}）` : `（微信：${VERDICTS[m.screening.platform.suggest]}）`}{m.screening.words.length ? ` · 敏感词：${m.screening.words.map((w) => w.word).join('、')}` : ''}</Text>
        {m.personalDataWarning ? <Text className='wb-task-meta'>含个人信息：{m.screening.personalData.join('、')}（公开时隐去）</Text> : null}
        <Text className='wb-task-meta'>{m.public ? '留言人同意公开' : '留言人不同意公开'}{m.notPublic ? ` · 已设为不公开：${m.notPublic.reason}` : ''}{m.assignee ? ` · 办理人：${m.assignee.name}` : ''}{m.replyReview ? ' · 本部门答复需审核' : ''}</Text>
      </View>
      <View className='wb-card'>
        <Text className='wb-name'>{m.title}</Text>
        {m.item ? <Text className='wb-task-meta'>关于：{m.item.title}</Text> : null}
        <Text className='workbench-text' data-testid='message-text'>{m.text}</Text>
      </View>
      {m.replyDraft ? (
        <View className='wb-card' data-testid='reply-draft'>
          <Text className='wb-name'>待审核的答复（{m.replyDraft.draftedBy}）{m.replyDraft.returned ? ` · 已退回：${m.replyDraft.returned}` : ''}</Text>
          <Text className='workbench-text'>{m.replyDraft.text}</Text>
        </View>
      ) : null}
      {m.reply ? (
        <View className='wb-card' data-testid='message-reply'>
          <Text className='wb-name'>已答复（{m.reply.answeredOn}）</Text>
          <Text className='workbench-text'>{m.reply.text}</Text>
        </View>
      ) : null}
      {error ? <View className='wb-error' role='alert' data-testid='step-error'><Text>{error}</Text></View> : null}
      <View className='wb-task-actions' data-testid='message-actions'>
        {m.actions.map((action) => (
          <View key={action} className={'wb-button' + (open === action ? '' : ' wb-secondary')} role='button' data-action={action} onClick={() => (MESSAGE_STEP_FIELDS[action].length || action === 'assign' ? setOpen(open === action ? undefined : action) : void take(action))}>
            <Text>{MESSAGE_TRANSITIONS[action].label}</Text>
          </View>
        ))}
      </View>
      {open ? (
        <View className='wb-card' data-testid='step-form'>
          {open === 'assign' ? <Chips label='办理人' options={m.handlers.map((h) => ({ value: h.id, text: h.id === me.id ? `${h.name}（我）` : h.name }))} selected={[values.assigneeId ?? '']} onToggle={(v) => setValues((x) => ({ ...x, assigneeId: v }))} /> : null}
          {MESSAGE_STEP_FIELDS[open].map((f) =>
            f.kind === 'area' ? (
              <Area key={f.key} label={f.label} value={values[f.key] ?? ''} onInput={(v) => setValues((x) => ({ ...x, [f.key]: v }))} />
            ) : (
              <Field key={f.key} label={f.label} value={values[f.key] ?? ''} onInput={(v) => setValues((x) => ({ ...x, [f.key]: v }))} />
            ),
          )}
          <View className='wb-button' role='button' data-testid='step-submit' onClick={() => void take(open)}>
            <Text>确定：{MESSAGE_TRANSITIONS[open].label}</Text>
          </View>
        </View>
      ) : null}
      <History title='办理记录' testId='message-history' rows={m.history.map((h) => ({ ...h, on: formatShanghaiDate(h.at) }))} />
    </View>
  )
}
