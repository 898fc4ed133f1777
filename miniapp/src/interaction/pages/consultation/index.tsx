import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { personalDataKindsIn, personalDataWarning, type Consultation, type z, type myCommentListSchema } from '@zw/shared'
import { api } from '@/api'
import { Attachments } from '@/components/Detail'
import { Page } from '@/components/Page'
import { Section } from '@/components/Section'
import { Failure, Loading } from '@/components/StateViews'
import { asCitizen, hasCitizenSession, ME_PATH } from '@/lib/citizenSession'
import { errorMessage } from '@/lib/errors'
import { openPage } from '@/lib/routes'
import { PublicChoice } from '../../lib/Choices'
import '../interaction.css'

type MyComments = z.infer<typeof myCommentListSchema>['comments']

/**
 * One consultation: status and dates, background, the draft and its attachments, the
 * public comments; while it is open, a citizen who logged in comments (as often as they
 * like, public or not); after it, the department's feedback report.
 */
export default function ConsultationPage() {
  const id = useRouter().params.id ?? ''
  const [c, setC] = useState<Consultation>()
  const [mine, setMine] = useState<MyComments>([])
  const [error, setError] = useState('')
  const [text, setText] = useState('')
  const [isPublic, setPublic] = useState(true)
  const [note, setNote] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)
  const load = () => {
    api.call('getConsultation', { params: { id } }).then(
      (r) => (setC(r), setError('')),
      (err: unknown) => setError(errorMessage(err)),
    )
    if (hasCitizenSession()) asCitizen((x) => x.call('listMyConsultationComments', { params: { id } })).then((r) => setMine(r.comments), () => undefined)
  }
  useEffect(load, [id])
  const send = async () => {
    if (busy) return
    if (!hasCitizenSession()) {
      setNote({ ok: false, text: '请先在“我的”页面登录，再提意见。' })
      return
    }
    setBusy(true)
    setNote(undefined)
    try {
      const sent = await asCitizen((x) => x.call('commentOnConsultation', { params: { id }, body: { text, public: isPublic } }))
      setText('')
      setNote({ ok: true, text: sent.state === 'accepted' ? '意见已收到，谢谢您的参与。' : '意见已收到，审核后计入。' })
      load()
    } catch (err) {
      setNote({ ok: false, text: errorMessage(err) })
    } finally {
      setBusy(false)
    }
  }
  if (error) return <Page><Failure message={error} onRetry={load} /></Page>
  if (!c) return <Page><Loading /></Page>
  const warning = isPublic ? personalDataWarning(personalDataKindsIn(text)) : null
  return (
    <Page>
      <View className='ia-title' role='heading' aria-level={1}>{c.title}</View>
      <View className='ia-row' data-testid='consultation-status' data-status={c.status}>
        <Text className={'ia-state' + (c.status === 'open' ? ' ia-state-open' : '')}>{c.statusLabel}</Text>
        <Text className='ia-row-meta'>{c.departmentName}</Text>
        <Text className='ia-row-meta'>征集时间：{c.startAtText} 至 {c.endAtText}（北京时间）</Text>
        <Text className='ia-row-meta'>收到意见 {c.commentCount} 条</Text>
      </View>
      {c.report ? (
        <Section title='意见采纳情况反馈'>
          <View data-testid='feedback-report'>
            <Text className='ia-text'>{c.report.summary}</Text>
            <Text className='ia-row-meta'>共 {c.report.participants} 人提出意见 {c.report.comments} 条，列出主要意见 {c.report.opinions.length} 条，采纳 {c.report.adopted} 条。</Text>
            {c.report.opinions.map((o, i) => (
              <View key={i} className='ia-opinion' data-testid='report-opinion'>
                <Text className='ia-row-title'>{o.opinion}</Text>
                <Text className='ia-text'>{o.adopted ? '已采纳' : '未采纳'}{o.reason ? `：${o.reason}` : ''}</Text>
              </View>
            ))}
          </View>
        </Section>
      ) : null}
      <Section title='起草背景和说明'>
        <Text className='ia-text'>{c.background}</Text>
      </Section>
      <Section title='征求意见稿'>
        <Text className='ia-text' data-testid='draft-text'>{c.draftText}</Text>
      </Section>
      <Attachments items={c.attachments} />
      {c.status === 'open' ? (
        <Section title='提出意见'>
          <Text className='ia-hint'>可以多次提出意见。选择公开的意见会在本页展示（个人信息已隐去）。</Text>
          <Textarea className='ia-textarea' aria-label='意见' data-testid='comment-text' maxlength={1000} value={text} onInput={(e) => setText(e.detail.value)} />
          <PublicChoice label='是否公开' value={isPublic} onChange={setPublic} yes='公开' no='只给部门看' />
          {warning ? <View className='ia-warn' role='status'>{warning}</View> : null}
          {note ? <View className={note.ok ? 'ia-ok' : 'ia-error'} role='status' data-testid='comment-note'>{note.text}</View> : null}
          {note && !note.ok && !hasCitizenSession() ? <View className='btn btn-plain' role='button' onClick={() => openPage(ME_PATH)}><Text>去登录</Text></View> : null}
          <View className={'btn' + (busy ? ' me-busy' : '')} role='button' data-testid='send-comment' onClick={() => void send()}>
            <Text>{busy ? '正在提交…' : '提交意见'}</Text>
          </View>
        </Section>
      ) : null}
      {mine.length ? (
        <Section title='我提的意见'>
          <View data-testid='my-comments'>
            {mine.map((m) => (
              <View key={m.id} className='ia-opinion'>
                <Text className='ia-text'>{m.text}</Text>
                <Text className='ia-row-meta'>{m.stateLabel} · {m.public ? '公开' : '不公开'}</Text>
              </View>
            ))}
          </View>
        </Section>
      ) : null}
      <Section title='公开的意见'>
        {c.publicComments.length === 0 ? <Text className='ia-hint'>还没有公开的意见。</Text> : null}
        <View data-testid='public-comments'>
          {c.publicComments.map((p) => (
            <View key={p.id} className='ia-opinion'>
              <Text className='ia-text'>{p.text}</Text>
            </View>
          ))}
        </View>
      </Section>
    </Page>
  )
}
