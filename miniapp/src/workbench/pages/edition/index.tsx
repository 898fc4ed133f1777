import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { ApiClientError, EDITION_STATE_LABELS, formatShanghaiDateTime, parseShanghaiDateTime, REVIEW_CHECK_LABELS, REVIEW_CHECKS, type ChannelAccount, type Distribution, type Edition, type ReviewCheck } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { itemPath } from '@/lib/routes'
import { formOf, policyDraftOf, type PolicyForm } from '../../lib/draftForm'
import { PolicyFields } from '../../lib/PolicyFields'
import { GuideFields } from '../../lib/GuideFields'
import { InterpretationFields } from '../../lib/InterpretationFields'
import { linesOfBody, type GuideDraft, type InterpretationDraft } from '../../lib/typedDrafts'
import { asStaff, savedSession } from '../../lib/session'
import { ChannelFields, ChannelSummary, sentBeforeOf, type SentBefore } from '../../lib/ChannelFields'
import { ErrorNotice, LoadingPage } from '../../lib/Notices'
import '../index/index.css'

/**
 * One edition: its state, the automatic check findings, and the steps this person may
 * take now (the server's `actions`: the author never sees 审核通过 or 发布).
 */
export default function EditionPage() {
  const id = useRouter().params.id ?? ''
  const staff = savedSession()?.staff
  const [edition, setEdition] = useState<Edition>()
  const [form, setForm] = useState<PolicyForm>()
  // Interpretations and guides are edited as drafts of their own shape.
  const [typed, setTyped] = useState<InterpretationDraft | GuideDraft>()
  const [checked, setChecked] = useState<ReviewCheck[]>([])
  const [reasons, setReasons] = useState('')
  // A revision (edition 2 on) says what changed for the public, or that it is minor.
  const [changeNote, setChangeNote] = useState('')
  const [minor, setMinor] = useState(false)
  const [forceReason, setForceReason] = useState('')
  // 定时发布: Beijing time as typed, an hour from now to start with.
  const [when, setWhen] = useState(() => formatShanghaiDateTime(new Date(Date.now() + 60 * 60_000)))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  // 两微: channels besides the mini-program and their texts (part of the edition); the department's connected accounts.
  const [dist, setDist] = useState<Distribution>({ channels: [] })
  const [accounts, setAccounts] = useState<ChannelAccount[]>([])
  const [sentBefore, setSentBefore] = useState<SentBefore>({})

  const show = (e: Edition) => {
    setEdition(e)
    if (e.number > 1) {
      asStaff((c) => c.call('getItemChannels', { params: { id: e.itemId } }))
        .then((r) => setSentBefore(sentBeforeOf(r.items, e.number)))
        .catch(() => setSentBefore({}))
    }
    setDist(e.content.distribution ?? { channels: [] })
    setForm(formOf(e.content))
    setTyped(e.content.type === 'policy' ? undefined : (e.content as InterpretationDraft | GuideDraft))
    setChangeNote(e.changeNote ?? '')
    setMinor(e.minor)
  }
  useEffect(() => {
    asStaff((c) => c.call('getEdition', { params: { id } }))
      .then(show)
      .catch((err: unknown) => setError(errorMessage(err)))
    asStaff((c) => c.call('listChannelAccounts', {}))
      .then((r) => setAccounts(r.items))
      .catch(() => setAccounts([]))
  }, [id])

  const step = async (run: () => Promise<Edition>) => {
    setBusy(true)
    setError('')
    try {
      show(await run())
    } catch (err) {
      setError(errorMessage(err, '操作失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  if (!edition || !form) return <LoadingPage error={error} />
  const can = (a: Edition['actions'][number]) => edition.actions.includes(a)
  const button = (label: string, run: () => Promise<Edition>, secondary = false) => (
    <View key={label} className={'wb-button' + (secondary ? ' wb-secondary' : '') + (busy ? ' wb-busy' : '')} role='button' onClick={busy ? undefined : () => void step(run)}>
      <Text>{label}</Text>
    </View>
  )
  return (
    <View className='workbench'>
      <Text className='workbench-title'>{edition.content.title}</Text>
      <Text className='wb-state' data-state={edition.state}>
        {edition.number > 1 ? `修订第 ${edition.number} 版，` : ''}状态：{EDITION_STATE_LABELS[edition.state]}
      </Text>
      {edition.number > 1 && !can('submit') ? <Text className='workbench-text'>修改说明：{edition.minor ? '细微修改（不列入发布记录）' : (edition.changeNote ?? '未填写')}</Text> : null}
      {edition.rejection ? (
        <View className='wb-card'>
          <Text className='workbench-text'>退回理由：{edition.rejection.reasons}（未通过：{edition.rejection.failed.map((c) => REVIEW_CHECK_LABELS[c]).join('、')}）</Text>
        </View>
      ) : null}
      {edition.findings.length ? (
        <View className='wb-findings'>
          {edition.findings.map((f) => (
            <View key={f.key} className='wb-finding'>
              <Text>{f.message}{f.suggestion ? `，建议改为：${f.suggestion}` : ''}{f.overriddenBy ? `（${f.overriddenBy.name} 已确认：${f.overriddenBy.reason}）` : ''}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className='wb-ok'>发布前检查：未发现问题</Text>
      )}
      {can('edit') ? (
        <View key={edition.updatedAt}>
          {typed?.type === 'interpretation' ? <InterpretationFields draft={typed} onChange={setTyped} /> : null}
          {typed?.type === 'guide' ? <GuideFields draft={typed} onChange={setTyped} /> : null}
          {!typed ? <PolicyFields form={form} onChange={setForm} /> : null}
          <ChannelFields value={dist} accounts={accounts} onChange={setDist} sentBefore={sentBefore} />
          {button('保存修改', () => asStaff((c) => c.call('updateEdition', { params: { id }, body: { ...(typed ?? policyDraftOf(form, edition.department, edition.content)), distribution: dist } })), true)}
        </View>
      ) : (
        <View className='wb-card'>
          <Text className='workbench-text'>{linesOfBody(edition.content.body)}</Text>
          {edition.content.type === 'interpretation'
            ? edition.content.interpretation.qa.map((p, i) => (
                <Text key={i} className='workbench-text'>
                  问：{p.q}
                  {'\n'}答：{p.a}
                </Text>
              ))
            : null}
          {edition.content.type === 'guide' ? <Text className='workbench-text'>办理地点：{edition.content.guide.place}；承诺时限：{edition.content.guide.timeLimit.promisedDays} 个工作日</Text> : null}
          <ChannelSummary value={edition.content.distribution} sentBefore={sentBefore} />
          {edition.content.attachments.map((a) => (
            <Text key={a.url} className='workbench-text' data-testid='attachment'>附件：{a.name}</Text>
          ))}
        </View>
      )}
      {can('submit') && edition.number > 1 ? (
        <View className='wb-field'>
          <Text className='wb-label'>修改说明（发布后在页面的“发布记录”中向公众展示）</Text>
          <Input className='wb-input' aria-label='修改说明' placeholder='例如：申领期限由三十日延长为六十日' value={changeNote} onInput={(e) => setChangeNote(e.detail.value)} />
          <View className={'wb-check' + (minor ? ' wb-check-on' : '')} role='checkbox' aria-checked={minor} onClick={() => setMinor(!minor)}>
            <Text>{minor ? '☑' : '☐'} 细微修改（错别字、格式），不列入发布记录</Text>
          </View>
        </View>
      ) : null}
      {can('submit') ? button('提交审核', () => asStaff((c) => c.call('submitEdition', { params: { id }, body: edition.number > 1 ? { minor, ...(changeNote.trim() ? { changeNote } : {}) } : {} }))) : null}
      {can('recall') ? button('撤回送审', () => asStaff((c) => c.call('recallEdition', { params: { id } })), true) : null}
      {can('discard') ? button('放弃此稿', () => asStaff((c) => c.call('discardEdition', { params: { id } })), true) : null}
      {can('approve') || can('reject') ? (
        <View className='wb-card'>
          <Text className='wb-label'>审核（四关）</Text>
          {REVIEW_CHECKS.map((c) => (
            <View key={c} className={'wb-check' + (checked.includes(c) ? ' wb-check-on' : '')} role='checkbox' aria-checked={checked.includes(c)} onClick={() => setChecked(checked.includes(c) ? checked.filter((x) => x !== c) : [...checked, c])}>
              <Text>{checked.includes(c) ? '☑' : '☐'} {REVIEW_CHECK_LABELS[c]}</Text>
            </View>
          ))}
          {can('approve')
            ? button('审核通过', () => asStaff((c) => c.call('approveEdition', { params: { id }, body: { checklist: Object.fromEntries(checked.map((k) => [k, true])) as never } })))
            : null}
          <Textarea className='wb-textarea' aria-label='退回理由' placeholder='退回时写明理由；未勾选的审核项视为未通过' value={reasons} onInput={(e) => setReasons(e.detail.value)} />
          {can('reject') ? button('退回修改', () => asStaff((c) => c.call('rejectEdition', { params: { id }, body: { failed: REVIEW_CHECKS.filter((k) => !checked.includes(k)), reasons } })), true) : null}
        </View>
      ) : null}
      {can('publish') ? button('立即发布', () => asStaff((c) => c.call('publishEdition', { params: { id } }))) : null}
      {can('schedule') ? (
        <View className='wb-field'>
          <Text className='wb-label'>定时发布（北京时间，至少 5 分钟之后）</Text>
          <Input className='wb-input' aria-label='定时发布时间' placeholder='例如 2026-12-01 09:00' value={when} onInput={(e) => setWhen(e.detail.value)} />
          {button('定时发布', async () => {
            const at = parseShanghaiDateTime(when)
            if (!at) throw new ApiClientError(400, 'VALIDATION_FAILED', '请按“年-月-日 时:分”填写，例如 2026-12-01 09:00')
            return asStaff((c) => c.call('scheduleEdition', { params: { id }, body: { at: at.toISOString() } }))
          }, true)}
        </View>
      ) : null}
      {can('forcePublish') ? (
        <View className='wb-card'>
          <Text className='wb-label'>强制发布（不经审核；须写明理由，发布后由其他审核员事后审核，并计入部门统计）</Text>
          <Textarea className='wb-textarea' aria-label='强制发布理由' placeholder='例如：汛情紧急，须立即向群众发布' value={forceReason} onInput={(e) => setForceReason(e.detail.value)} />
          {button('强制发布', () => asStaff((c) => c.call('forcePublishEdition', { params: { id }, body: { reason: forceReason } })), true)}
        </View>
      ) : null}
      {edition.forced ? <Text className='workbench-text' data-testid='forced'>强制发布理由：{edition.forced.reason}{edition.forced.dueOn ? `（事后审核应于 ${edition.forced.dueOn} 前完成）` : ''}</Text> : null}
      {edition.state === 'scheduled' && edition.scheduledAt ? <Text className='wb-ok' data-testid='scheduled-at'>将于北京时间 {formatShanghaiDateTime(edition.scheduledAt)} 自动发布</Text> : null}
      {can('unschedule') ? button('取消定时', () => asStaff((c) => c.call('unscheduleEdition', { params: { id } })), true) : null}
      {edition.state === 'published' ? (
        <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: itemPath(edition.content.type, edition.itemId) })}>
          <Text>查看公开页面</Text>
        </View>
      ) : null}
      <View className='wb-button wb-secondary' role='button' onClick={() => void Taro.navigateTo({ url: `/workbench/pages/item/index?id=${edition.itemId}` })}>
        <Text>内容历史（修订、撤回、下线）</Text>
      </View>
      <ErrorNotice error={error} />
    </View>
  )
}
