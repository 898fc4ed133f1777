import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { can, CONSULTATION_TRANSITIONS, formatShanghaiDate, MAX_CONSULTATION_ATTACHMENTS, type ConsultationActionBody, type StaffConsultation, type z, type staffCommentListSchema } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { Area, Chips, Field } from '../../lib/Fields'
import { consultationForm, type ConsultationForm, type OpinionRow } from '../../lib/interactionForm'
import { History } from '../../lib/History'
import { asStaff, savedSession } from '../../lib/session'
import { chooseAndUploadAttachment } from '../../lib/upload'
import { UploadList } from '../../lib/UploadList'
import { LoadingPage } from '../../lib/Notices'
import '../index/index.css'

type Comments = z.infer<typeof staffCommentListSchema>['comments']

/** 起草 (`?new=1`) or one consultation (`?id=`): edit the draft, publish, moderate comments, publish the feedback report, archive. */
export default function ConsultationPage() {
  const { id, new: isNew } = useRouter().params
  if (!savedSession()) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  return isNew ? <Draft /> : <Handle id={id ?? ''} />
}

function Draft({ current, onSaved }: { current?: StaffConsultation; onSaved?: (c: StaffConsultation) => void }) {
  const [f, setF] = useState(() => consultationForm(current))
  const [error, setError] = useState('')
  const set = (k: Exclude<keyof ConsultationForm, 'attachments'>) => (v: string) => setF((x) => ({ ...x, [k]: v }))
  const save = async () => {
    try {
      const saved = current ? await asStaff((c) => c.call('updateConsultation', { params: { id: current.id }, body: f })) : await asStaff((c) => c.call('createConsultation', { body: f }))
      setError('')
      if (onSaved) onSaved(saved)
      else void Taro.redirectTo({ url: `/workbench/pages/consultation/index?id=${saved.id}` })
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  return (
    <View className={current ? 'wb-card' : 'workbench'} data-testid='consultation-form'>
      {current ? null : <Text className='workbench-title'>起草征求意见</Text>}
      <Field label='标题' value={f.title} onInput={set('title')} />
      <Area label='起草背景和说明' value={f.background} onInput={set('background')} />
      <Area label='征求意见稿全文' value={f.draftText} onInput={set('draftText')} />
      <UploadList
        label={`附件（PDF、Word、Excel、OFD、图片等，每个不超过 20 MB，最多 ${MAX_CONSULTATION_ATTACHMENTS} 个；发布后公众可下载）`}
        files={f.attachments}
        onChange={(attachments) => setF((x) => ({ ...x, attachments }))}
        choose={chooseAndUploadAttachment}
        max={MAX_CONSULTATION_ATTACHMENTS}
        button='添加附件'
        testIds={{ field: 'consultation-attachments', row: 'consultation-attachment', button: 'add-attachment' }}
      />
      <Field label='开始时间（北京时间 YYYY-MM-DD HH:mm）' value={f.startAt} onInput={set('startAt')} />
      <Field label='结束时间（北京时间 YYYY-MM-DD HH:mm）' value={f.endAt} onInput={set('endAt')} />
      {error ? <View className='wb-error' role='alert' data-testid='consultation-error'><Text>{error}</Text></View> : null}
      <View className='wb-button' role='button' data-testid='consultation-save' onClick={() => void save()}>
        <Text>保存草稿</Text>
      </View>
    </View>
  )
}

function Handle({ id }: { id: string }) {
  const [c, setC] = useState<StaffConsultation>()
  const [comments, setComments] = useState<Comments>([])
  const [error, setError] = useState('')
  const [summary, setSummary] = useState('')
  const [opinions, setOpinions] = useState<OpinionRow[]>([{ opinion: '', adopted: true, reason: '' }])
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const load = () => {
    asStaff((x) => x.call('getStaffConsultation', { params: { id } })).then((r) => (setC(r), setError('')), (err: unknown) => setError(errorMessage(err)))
    asStaff((x) => x.call('listConsultationComments', { params: { id } })).then((r) => setComments(r.comments), () => undefined)
  }
  useEffect(load, [id])
  const act = async (body: ConsultationActionBody) => {
    try {
      setC(await asStaff((x) => x.call('actOnConsultation', { params: { id }, body })))
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  const moderate = async (commentId: string, decision: 'approve' | 'reject') => {
    try {
      setComments((await asStaff((x) => x.call('moderateConsultationComment', { params: { id, commentId }, body: { decision, reason: reasons[commentId] ?? '' } }))).comments)
      load()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  if (!c) return <LoadingPage error={error} />
  const staff = savedSession()?.staff
  const moderates = !!staff && can(staff, 'interaction.review', c.department)
  const setOpinion = (i: number, patch: Partial<OpinionRow>) => setOpinions(opinions.map((o, j) => (j === i ? { ...o, ...patch } : o)))
  return (
    <View className='workbench' data-testid='consultation-handle' data-status={c.status}>
      <Text className='workbench-title'>{c.title}</Text>
      <Text className='wb-state' data-testid='consultation-status'>{c.statusLabel}</Text>
      <View className='wb-card'>
        <Text className='wb-task-meta'>{c.startAtText} 至 {c.endAtText}（北京时间）· {c.departmentName} · 起草：{c.createdBy}</Text>
        <Text className='wb-task-meta'>意见：已收到 {c.commentsByState.accepted} 条 · 待审核 {c.commentsByState.moderation} 条 · 未采用 {c.commentsByState.rejected} 条</Text>
      </View>
      {error ? <View className='wb-error' role='alert' data-testid='step-error'><Text>{error}</Text></View> : null}
      {c.actions.includes('edit') ? <Draft current={c} onSaved={setC} /> : (
        <View className='wb-card'>
          <Text className='workbench-text'>{c.background}</Text>
          <Text className='workbench-text'>{c.draftText}</Text>
          {c.attachments.map((a, i) => <Text key={i} className='wb-task-meta' data-testid='consultation-attachment'>附件：{a.name}</Text>)}
        </View>
      )}
      {c.actions.includes('publish') ? (
        <View className='wb-button' role='button' data-action='publish' onClick={() => void act({ action: 'publish' })}>
          <Text>{CONSULTATION_TRANSITIONS.publish.label}</Text>
        </View>
      ) : null}
      {c.status === 'closed' ? (
        <View className='wb-card' data-testid='report-form'>
          <Text className='wb-name'>意见采纳情况反馈</Text>
          <Area label='反馈说明' value={summary} onInput={setSummary} />
          {opinions.map((o, i) => (
            <View key={i} className='wb-card' data-testid='opinion-row'>
              <Area label={`主要意见 ${i + 1}`} value={o.opinion} onInput={(v) => setOpinion(i, { opinion: v })} />
              <Chips label='是否采纳' options={[{ value: 'yes', text: '采纳' }, { value: 'no', text: '未采纳' }]} selected={[o.adopted ? 'yes' : 'no']} onToggle={(v) => setOpinion(i, { adopted: v === 'yes' })} />
              <Field label={o.adopted ? '采纳情况（可不填）' : '未采纳的理由'} value={o.reason} onInput={(v) => setOpinion(i, { reason: v })} />
            </View>
          ))}
          <View className='wb-button wb-secondary' role='button' onClick={() => setOpinions([...opinions, { opinion: '', adopted: false, reason: '' }])}>
            <Text>添加一条意见</Text>
          </View>
          {c.actions.includes('publishReport') ? (
            <View className='wb-button' role='button' data-action='publishReport' onClick={() => void act({ action: 'publishReport', summary, opinions })}>
              <Text>{CONSULTATION_TRANSITIONS.publishReport.label}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {c.report ? (
        <View className='wb-card' data-testid='consultation-report'>
          <Text className='wb-name'>已发布反馈（{c.report.comments} 条意见，{c.report.participants} 人，采纳 {c.report.adopted} 条）</Text>
          <Text className='workbench-text'>{c.report.summary}</Text>
          {c.report.opinions.map((o, i) => <Text key={i} className='wb-task-meta'>{o.opinion}：{o.adopted ? '采纳' : '未采纳'}{o.reason ? `（${o.reason}）` : ''}</Text>)}
        </View>
      ) : null}
      {c.status === 'closed' || c.status === 'reported' ? (
        <View className={'wb-button' + (c.actions.includes('archive') ? '' : ' wb-secondary')} role='button' data-action='archive' onClick={() => void act({ action: 'archive' })}>
          <Text>{CONSULTATION_TRANSITIONS.archive.label}</Text>
        </View>
      ) : null}
      <Text className='workbench-title'>收到的意见</Text>
      <View data-testid='consultation-comments'>
        {comments.map((x) => (
          <View key={x.id} className={'wb-list-row' + (x.state === 'moderation' ? ' wb-task-overdue' : '')} data-testid='comment-row' data-state={x.state}>
            <Text className='wb-task-kind'>{x.writer} · {x.stateLabel} · {x.public ? '公开' : '不公开'}{x.verdict !== 'pass' ? ` · ${x.verdict === 'risky' ? '高风险' : '需审核'}${x.words.length ? `（${x.words.join('、')}）` : ''}` : ''}</Text>
            <Text className='workbench-text'>{x.text}</Text>
            {x.state === 'moderation' && moderates ? (
              <View>
                <Field label='不予采用的理由' value={reasons[x.id] ?? ''} onInput={(v) => setReasons((r) => ({ ...r, [x.id]: v }))} />
                <View className='wb-button wb-secondary' role='button' onClick={() => void moderate(x.id, 'approve')}><Text>审核通过</Text></View>
                <View className='wb-button wb-secondary' role='button' onClick={() => void moderate(x.id, 'reject')}><Text>不予采用</Text></View>
              </View>
            ) : null}
          </View>
        ))}
      </View>
      <History title='记录' testId='consultation-history' rows={c.history.map((h) => ({ ...h, on: formatShanghaiDate(h.at) }))} />
    </View>
  )
}
