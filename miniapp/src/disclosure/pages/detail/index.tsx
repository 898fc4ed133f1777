import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { APPLICANT_KINDS, DISCLOSURE_CHANNELS, formatShanghaiDateTime, type DisclosureAttachment, type MyDisclosure } from '@zw/shared'
import { Page } from '@/components/Page'
import { Section } from '@/components/Section'
import { Failure, Loading } from '@/components/StateViews'
import { asCitizen } from '@/lib/citizenSession'
import { errorMessage } from '@/lib/errors'
import { fileKind, formatFileSize } from '@/lib/format'
import { openMyFile } from '../../lib/files'
import { deadlineLines, fieldMessages } from '../../lib/form'
import { PickedFiles, withoutFileMessages } from '../../lib/PickedFiles'
import '../disclosure.css'

const OPEN = ['received', 'processing', 'correction', 'consultation', 'fee-review', 'fee-notified']

/** Files of the application or its reply: tapping one downloads it with the applicant's log-in and opens it. */
function Files({ files, testId, onError }: { files: DisclosureAttachment[]; testId: string; onError: (message: string) => void }) {
  if (!files.length) return null
  const open = (f: DisclosureAttachment) => openMyFile(f).catch((err: unknown) => onError(errorMessage(err, '文件无法打开，请稍后再试')))
  return (
    <View data-testid={testId}>
      {files.map((f) => (
        <View key={f.id} className='row-link' role='link' data-testid='file-link' data-id={f.id} onClick={() => void open(f)}>
          <Text className='row-link-title'>附件：{f.name}</Text>
          <Text className='row-link-sub'>{fileKind(f.mime, f.name)}，{formatFileSize(f.size)}，点击打开</Text>
        </View>
      ))}
    </View>
  )
}

/** One application as its applicant follows it: state, deadlines, what they were told (补正, 延期, 缴费), the fee notice and the reply. */
export default function ApplicationDetail() {
  const id = useRouter().params.id ?? ''
  const [a, setA] = useState<MyDisclosure>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState('')
  const [correction, setCorrection] = useState('')
  const [correctionFiles, setCorrectionFiles] = useState<DisclosureAttachment[]>([])
  const [correctionErrors, setCorrectionErrors] = useState<Record<string, string>>({})
  const load = () =>
    asCitizen((c) => c.call('getMyDisclosure', { params: { id } })).then(
      (r) => (setA(r), setError('')),
      (err: unknown) => setError(errorMessage(err)),
    )
  useEffect(() => void load(), [id])
  /** WeChat Pay tells the server a moment after the payer paid: look again every 3 s for a minute. */
  const watchPayment = () => {
    let tries = 0
    const look = () => {
      tries += 1
      asCitizen((c) => c.call('getMyDisclosure', { params: { id } })).then(
        (r) => {
          setA(r)
          if (r.state === 'fee-notified' && tries < 20) setTimeout(look, 3000)
          else if (r.fee?.paidAt) setNote('已收到您缴纳的信息处理费，我们将继续办理。')
        },
        () => (tries < 20 ? setTimeout(look, 3000) : undefined),
      )
    }
    look()
  }
  const pay = async () => {
    if (busy) return
    setBusy(true)
    setNote('')
    try {
      const params = await asCitizen((c) => c.call('payDisclosureFee', { params: { id } }))
      if (process.env.TARO_ENV === 'h5') {
        // A browser cannot pay with WeChat Pay: the order is placed; paying happens in WeChat.
        setNote('已生成缴费订单。请在微信中打开本小程序完成支付，到账后本页会自动更新。')
      } else {
        await Taro.requestPayment({ timeStamp: params.timeStamp, nonceStr: params.nonceStr, package: params.package, signType: params.signType, paySign: params.paySign })
        setNote('已提交支付，确认到账后状态会更新。')
      }
      watchPayment()
    } catch (err) {
      setNote(errorMessage(err, '支付没有完成，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  const sendCorrection = async () => {
    if (busy) return
    setBusy(true)
    setNote('')
    try {
      setA(await asCitizen((c) => c.call('correctMyDisclosure', { params: { id }, body: { text: correction, attachments: correctionFiles.map((f) => f.id) } })))
      setCorrection('')
      setCorrectionFiles([])
      setCorrectionErrors({})
    } catch (err) {
      const fields = fieldMessages(err)
      setCorrectionErrors(fields)
      if (!Object.keys(fields).some((k) => k.startsWith('attachments'))) setNote(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  const withdraw = async () => {
    if (busy) return
    setBusy(true)
    try {
      setA(await asCitizen((c) => c.call('withdrawMyDisclosure', { params: { id } })))
    } catch (err) {
      setNote(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  if (error) return <Page><Failure message={error} onRetry={() => void load()} /></Page>
  if (!a) return <Page><Loading /></Page>
  const fee = a.fee
  return (
    <Page>
      <View className='dis-title' role='heading' aria-level={1}>申请详情</View>
      <View className='dis-row' data-testid='application-state' data-state={a.state}>
        <Text className='dis-state'>{a.stateLabel}</Text>
        <Text className='dis-row-title' data-testid='tracking-number'>申请编号 {a.trackingNumber}</Text>
        <Text className='dis-row-meta'>{a.departmentName} · {DISCLOSURE_CHANNELS[a.channel]} · {a.receivedOn} 收到</Text>
        {deadlineLines(a).map((l) => (
          <Text key={l} className={'dis-text' + (a.clock.overdue ? ' dis-overdue' : '')} data-testid='deadline'>{l}</Text>
        ))}
      </View>
      {a.reply ? (
        <Section title='答复'>
          <View data-testid='reply'>
            <Text className='dis-text'>答复类型：{a.reply.typeLabel}</Text>
            <Text className='dis-text'>答复日期：{a.reply.repliedOn}</Text>
            <Text className='dis-text' data-testid='reply-letter'>{a.reply.letter}</Text>
            <Text className='dis-text'>理由：{a.reply.reasons}</Text>
            <Text className='dis-text'>依据：{a.reply.legalBasis}</Text>
            {a.reply.where ? <Text className='dis-text'>获取途径：{a.reply.where}</Text> : null}
            <Files files={a.reply.attachments} testId='reply-files' onError={setNote} />
          </View>
        </Section>
      ) : null}
      {a.correction ? (
        <Section title='补正通知'>
          <Text className='dis-text'>{a.correction.items}</Text>
          <Text className='dis-text'>补正期限：{a.correction.deadline}（逾期未补正视为放弃申请）</Text>
          <Text className='dis-hint'>可以在这里写明补正内容并附上材料的文件或照片，也可以把材料交到受理窗口。</Text>
          <Textarea className='dis-textarea' aria-label='补正内容' data-testid='correction-text' maxlength={2000} value={correction} onInput={(e) => setCorrection(e.detail.value)} />
          <View data-testid='correction-files'>
            <PickedFiles
              files={correctionFiles}
              onAdd={(f) => setCorrectionFiles((x) => [...x, f])}
              onRemove={(i) => (setCorrectionFiles((x) => x.filter((_, j) => j !== i)), setCorrectionErrors(withoutFileMessages))}
              errors={correctionErrors}
              label='添加补正材料（可选）'
            />
          </View>
          <View className='btn' role='button' data-testid='send-correction' onClick={() => void sendCorrection()}>
            <Text>{busy ? '正在提交…' : '提交补正'}</Text>
          </View>
        </Section>
      ) : null}
      {fee?.notice ? (
        <Section title='信息处理费缴费通知'>
          <View data-testid='fee-notice'>
            <Text className='dis-text'>金额：{fee.amountYuan} 元（{fee.methodLabel}）</Text>
            <Text className='dis-text'>依据：{fee.notice.basis}</Text>
            <Text className='dis-text'>标准：{fee.notice.standard}</Text>
            <Text className='dis-text'>缴费期限：{fee.notice.paymentDeadline}</Text>
            <Text className='dis-text'>缴费方式：{fee.notice.howToPay}</Text>
            {fee.paidAt ? <Text className='dis-ok'>已缴费（{formatShanghaiDateTime(fee.paidAt)}）</Text> : null}
            {fee.refundedAt ? <Text className='dis-ok'>已退费（{formatShanghaiDateTime(fee.refundedAt)}）</Text> : null}
            {a.state === 'fee-notified' ? (
              <View className='btn' role='button' data-testid='pay-fee' onClick={() => void pay()}>
                <Text>{busy ? '请稍候…' : `微信支付 ${fee.amountYuan} 元`}</Text>
              </View>
            ) : null}
          </View>
        </Section>
      ) : null}
      <Section title='申请内容'>
        <Text className='dis-text'>{APPLICANT_KINDS[a.applicant.kind]}：{a.applicant.name}</Text>
        <Text className='dis-text' data-testid='id-masked'>证件号码：{a.applicant.idMasked}</Text>
        <Text className='dis-text'>所需信息：{a.description}</Text>
        <Files files={a.attachments} testId='application-files' onError={setNote} />
      </Section>
      <Section title='办理通知'>
        <View data-testid='notices'>
          {a.notices.map((n, i) => (
            <View key={i} className='dis-notice'>
              <Text className='dis-notice-title'>{n.title}</Text>
              <Text className='dis-notice-at'>{formatShanghaiDateTime(n.at)}</Text>
              <Text className='dis-text'>{n.text}</Text>
            </View>
          ))}
        </View>
      </Section>
      {note ? <View className='dis-error' role='alert'>{note}</View> : null}
      {OPEN.includes(a.state) ? (
        <View className='btn btn-plain' role='button' data-testid='withdraw' onClick={() => void withdraw()}>
          <Text>撤回申请</Text>
        </View>
      ) : null}
    </Page>
  )
}
