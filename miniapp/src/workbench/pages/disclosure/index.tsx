import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { DISCLOSURE_APPLICATION_MAX_FILES, DISCLOSURE_CHANNELS, DISCLOSURE_DELIVERIES, DISCLOSURE_FORMS, DISCLOSURE_REPLY_MAX_FILES, DISCLOSURE_TRANSITIONS, formatShanghaiDate, ID_DOCUMENT_TYPES, type Disclosure, type DisclosureAction, type DisclosureAttachment, type DisclosureRegistrationBody } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { Area, Chips, Field } from '../../lib/Fields'
import { DisclosureFileLinks, DisclosureFileUploads } from '../../lib/DisclosureFiles'
import { STEP_FIELDS, stepBody } from '../../lib/disclosureForm'
import { History } from '../../lib/History'
import { asStaff, savedSession } from '../../lib/session'
import { LoadingPage } from '../../lib/Notices'
import '../index/index.css'

const options = (o: Record<string, string>) => Object.entries(o).map(([value, text]) => ({ value, text }))

/** 办理申请 (`?id=`) or 登记申请 (`?new=1`). */
export default function DisclosurePage() {
  const { id, new: isNew } = useRouter().params
  if (!savedSession()) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  return isNew ? <Register /> : <Handle id={id ?? ''} />
}

function Register() {
  const [f, setF] = useState<Record<string, string>>({ applicantKind: 'citizen', idType: 'resident-id', form: 'paper', delivery: 'collect', channel: 'letter', receivedOn: formatShanghaiDate(new Date()) })
  const [error, setError] = useState('')
  const [scans, setScans] = useState<DisclosureAttachment[]>([])
  const set = (k: string) => (v: string) => setF((x) => ({ ...x, [k]: v }))
  const submit = async () => {
    try {
      const body = { ...f, contactPerson: '', address: f.address ?? '', email: f.email ?? '', purpose: '', attachments: scans.map((a) => a.id) } as unknown as DisclosureRegistrationBody
      const created = await asStaff((c) => c.call('registerDisclosure', { body }))
      void Taro.redirectTo({ url: `/workbench/pages/disclosure/index?id=${created.id}` })
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  const chip = (k: string, label: string, o: Record<string, string>) => <Chips label={label} options={options(o)} selected={[f[k] ?? '']} onToggle={set(k)} />
  return (
    <View className='workbench' data-testid='register-form'>
      <Text className='workbench-title'>登记申请</Text>
      <Text className='workbench-text'>按申请实际收到的日期登记（信函以签收日为准），答复期限从该日起计算。</Text>
      {chip('channel', '申请渠道', { 'in-person': DISCLOSURE_CHANNELS['in-person'], letter: DISCLOSURE_CHANNELS.letter, fax: DISCLOSURE_CHANNELS.fax })}
      <Field label='收到日期（YYYY-MM-DD）' value={f.receivedOn ?? ''} onInput={set('receivedOn')} />
      {chip('applicantKind', '申请人类型', { citizen: '公民', organisation: '法人或其他组织' })}
      <Field label='申请人姓名或名称' value={f.name ?? ''} onInput={set('name')} />
      {chip('idType', '证件类型', ID_DOCUMENT_TYPES)}
      <Field label='证件号码' value={f.idNumber ?? ''} onInput={set('idNumber')} />
      <Field label='联系电话' value={f.phone ?? ''} onInput={set('phone')} />
      <Field label='通信地址' value={f.address ?? ''} onInput={set('address')} />
      <Area label='所需信息' value={f.description ?? ''} onInput={set('description')} />
      {chip('form', '提供形式', DISCLOSURE_FORMS)}
      {chip('delivery', '获取方式', DISCLOSURE_DELIVERIES)}
      <DisclosureFileUploads label='申请书扫描件、证件复印件（可选）' files={scans} onChange={setScans} max={DISCLOSURE_APPLICATION_MAX_FILES} />
      {error ? <View className='wb-error' role='alert' data-testid='register-error'><Text>{error}</Text></View> : null}
      <View className='wb-button' role='button' data-testid='register-submit' onClick={() => void submit()}>
        <Text>登记</Text>
      </View>
    </View>
  )
}

function Handle({ id }: { id: string }) {
  const [a, setA] = useState<Disclosure>()
  const [error, setError] = useState('')
  const [open, setOpen] = useState<DisclosureAction>()
  const [values, setValues] = useState<Record<string, string>>({})
  const [files, setFiles] = useState<DisclosureAttachment[]>([])
  const load = () => asStaff((c) => c.call('getDisclosure', { params: { id } })).then((r) => (setA(r), setError('')), (err: unknown) => setError(errorMessage(err)))
  useEffect(() => void load(), [id])
  const take = async (action: DisclosureAction) => {
    try {
      setA(await asStaff((c) => c.call('actOnDisclosure', { params: { id }, body: stepBody(action, values, files.map((f) => f.id)) })))
      setOpen(undefined)
      setValues({})
      setFiles([])
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  if (!a) return <LoadingPage error={error} />
  const c = a.clock
  return (
    <View className='workbench' data-testid='disclosure-handle' data-state={a.state}>
      <Text className='workbench-title'>{a.trackingNumber}</Text>
      <Text className='wb-state' data-testid='disclosure-state'>{a.stateLabel}</Text>
      <View className='wb-card'>
        <Text className='wb-task-meta'>{DISCLOSURE_CHANNELS[a.channel]} · {a.receivedOn} 收到 · {a.departmentName}</Text>
        <Text className='wb-task-meta' data-testid='disclosure-clock'>
          {c.calendarGap ? c.calendarGap : `${c.stateLabel}${c.dueDate && c.state !== 'ended' ? ` · 答复期限 ${c.dueDate}` : ''}${c.state === 'running' || c.state === 'paused' ? ` · 已用 ${c.usedDays} / ${c.allowedDays} 个工作日` : ''}${c.overdue ? ' · 已逾期' : ''}`}
        </Text>
        {c.correctionNoticeDue ? <Text className='wb-task-meta'>如需补正，须在 {c.correctionNoticeDue} 前一次告知</Text> : null}
        {c.correctionDeadline ? <Text className='wb-task-meta'>补正期限 {c.correctionDeadline}</Text> : null}
        {c.consultationDue ? <Text className='wb-task-meta'>第三方答复期限 {c.consultationDue}</Text> : null}
        {c.paymentDeadline ? <Text className='wb-task-meta'>缴费期限 {c.paymentDeadline}</Text> : null}
      </View>
      <View className='wb-card'>
        <Text className='wb-name'>{a.applicant.name}（{a.applicant.idMasked}）</Text>
        <Text className='wb-task-meta'>电话 {a.applicant.phone}{a.address ? ` · ${a.address}` : ''}{a.email ? ` · ${a.email}` : ''}</Text>
        <Text className='workbench-text'>{a.description}</Text>
        <Text className='wb-task-meta'>{DISCLOSURE_FORMS[a.form]} · {DISCLOSURE_DELIVERIES[a.delivery]}</Text>
        <DisclosureFileLinks files={a.attachments} label='申请附件' testId='application-files' />
      </View>
      {a.fee ? (
        <View className='wb-card' data-testid='disclosure-fee'>
          <Text className='wb-name'>信息处理费 {a.fee.amountYuan} 元（{a.fee.methodLabel}{a.fee.pages ? `，${a.fee.pages} 页` : ''}{a.fee.ordinalInMonth ? `，本月第 ${a.fee.ordinalInMonth} 件` : ''}）</Text>
          <Text className='wb-task-meta'>提出：{a.fee.proposedBy}{a.fee.approvedBy ? ` · 批准：${a.fee.approvedBy}` : ' · 待审核'}{a.fee.paidAt ? ' · 已缴费' : ''}{a.fee.refundedAt ? ' · 已退费' : ''}</Text>
        </View>
      ) : null}
      {a.reply ? (
        <View className='wb-card' data-testid='disclosure-reply'>
          <Text className='wb-name'>已答复：{a.reply.typeLabel}（{a.reply.repliedOn}）</Text>
          <Text className='workbench-text'>{a.reply.letter}</Text>
          <DisclosureFileLinks files={a.reply.attachments} label='答复附件' testId='reply-files' />
        </View>
      ) : null}
      {error ? <View className='wb-error' role='alert' data-testid='step-error'><Text>{error}</Text></View> : null}
      <View className='wb-task-actions' data-testid='disclosure-actions'>
        {a.actions.map((action) => (
          <View key={action} className={'wb-button' + (open === action ? '' : ' wb-secondary')} role='button' data-action={action} onClick={() => (STEP_FIELDS[action].length ? setOpen(open === action ? undefined : action) : void take(action))}>
            <Text>{DISCLOSURE_TRANSITIONS[action].label}</Text>
          </View>
        ))}
      </View>
      {open ? (
        <View className='wb-card' data-testid='step-form'>
          {STEP_FIELDS[open].map((f) =>
            f.kind === 'files' ? (
              <DisclosureFileUploads key={f.key} label={f.label} files={files} onChange={setFiles} max={DISCLOSURE_REPLY_MAX_FILES} />
            ) : f.kind === 'choice' ? (
              <Chips key={f.key} label={f.label} options={f.options!} selected={[values[f.key] ?? '']} onToggle={(v) => setValues((x) => ({ ...x, [f.key]: v }))} />
            ) : f.kind === 'area' ? (
              <Area key={f.key} label={f.label} value={values[f.key] ?? ''} onInput={(v) => setValues((x) => ({ ...x, [f.key]: v }))} />
            ) : (
              <Field key={f.key} label={f.label} number={f.kind === 'number'} value={values[f.key] ?? ''} onInput={(v) => setValues((x) => ({ ...x, [f.key]: v }))} />
            ),
          )}
          <View className='wb-button' role='button' data-testid='step-submit' onClick={() => void take(open)}>
            <Text>确定：{DISCLOSURE_TRANSITIONS[open].label}</Text>
          </View>
        </View>
      ) : null}
      <History title='办理记录' testId='disclosure-history' rows={a.history.map((h) => ({ ...h, note: h.action === 'received' ? '' : h.note }))} />
    </View>
  )
}
