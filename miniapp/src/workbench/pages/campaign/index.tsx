import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { CAMPAIGN_TRANSITIONS, CITIZEN_GROUPS, can, departmentByCode, formatShanghaiDateTime, type AudiencePreview, type Campaign, type CampaignAction, type CampaignBody, type StaffProfile, type TopicCode } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { AreaPicker } from '../../lib/AreaPicker'
import { ItemPicker } from '../../lib/ItemPicker'
import { asStaff, savedSession } from '../../lib/session'
import {
  FIRST_TOPICS,
  MORE_TOPICS,
  NAME_LIMIT,
  TEXT_LIMIT,
  audienceLines,
  audienceOf,
  campaignBodyOf,
  campaignErrors,
  campaignFormOf,
  channelsText,
  failureRows,
  newCampaignForm,
  previewText,
  sendTimeNote,
  sendTimeText,
  titleCheck,
  worthRefreshing,
  type CampaignForm,
  type FieldErrors,
} from '../../lib/campaignForm'
import '../index/index.css'
import './index.css'

/** How often a campaign being sent is read again. */
const REFRESH_MS = 4000
/** The audience preview waits this long after the last change. */
const PREVIEW_DEBOUNCE_MS = 400

/**
 * 精准推送: one campaign. New (no `id`) or editable (draft / returned, for its department's
 * editors): the builder, with a live audience preview. Otherwise: everything read-only,
 * the steps this person may take now (the server's `actions`: the maker never sees 批准发送),
 * and the sending figures, read again every few seconds while it is being sent.
 */
export default function CampaignPage() {
  const id = useRouter().params.id ?? ''
  const staff = savedSession()?.staff
  const [campaign, setCampaign] = useState<Campaign>()
  const [loadError, setLoadError] = useState('')
  const shown = useRef(true)
  const load = (which: string) =>
    asStaff((c) => c.call('getCampaign', { params: { id: which } }))
      .then((c) => {
        setCampaign(c)
        setLoadError('')
      })
      .catch((err: unknown) => setLoadError(errorMessage(err)))
  useEffect(() => {
    if (id) void load(id)
  }, [id])
  Taro.useDidShow(() => {
    shown.current = true
  })
  Taro.useDidHide(() => {
    shown.current = false
  })
  // While it is being sent (or approved and due), read it again every few seconds.
  const refreshing = !!campaign && worthRefreshing(campaign, new Date())
  useEffect(() => {
    if (!refreshing || !campaign) return
    const timer = setInterval(() => {
      if (shown.current) void load(campaign.id)
    }, REFRESH_MS)
    return () => clearInterval(timer)
  }, [refreshing, campaign?.id])

  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  if (id && !campaign) return <View className='workbench'>{loadError ? <View className='wb-error' role='alert'><Text>{loadError}</Text></View> : <Text className='workbench-text'>正在加载…</Text>}</View>
  const editable = campaign ? campaign.actions.includes('edit') : can(staff, 'push.write', staff.department)
  if (!campaign && !editable) return <View className='workbench'><Text className='workbench-text'>只有本部门编辑可以撰写推送。</Text></View>
  return editable ? (
    <Builder key={campaign?.id ?? 'new'} staff={staff} campaign={campaign} onSaved={setCampaign} />
  ) : (
    <Detail staff={staff} campaign={campaign!} refreshing={refreshing} onChange={setCampaign} />
  )
}

function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const message = errors[field]
  return message ? (
    <View className='wb-error camp-field-error' role='alert' data-field={field}>
      <Text>{message}</Text>
    </View>
  ) : null
}

function Check({ on, label, onToggle, testId, disabled }: { on: boolean; label: string; onToggle?: () => void; testId?: string; disabled?: boolean }) {
  return (
    <View className={'wb-check' + (on ? ' wb-check-on' : '') + (disabled ? ' camp-fixed' : '')} role='checkbox' aria-checked={on} aria-disabled={disabled} data-testid={testId} onClick={disabled ? undefined : onToggle}>
      <Text>{on ? '☑' : '☐'} {label}</Text>
    </View>
  )
}

type PreviewState = { state: 'idle' } | { state: 'loading'; last?: AudiencePreview } | { state: 'ready'; result: AudiencePreview } | { state: 'error'; message: string }

/** 受众预估, asked again ~400 ms after the rule or the channels last changed (only the newest answer is shown). */
function usePreview(audience: CampaignBody['audience'], channels: CampaignBody['channels']): PreviewState {
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' })
  const seq = useRef(0)
  const key = JSON.stringify({ audience, channels })
  useEffect(() => {
    const mine = ++seq.current
    if (audience.topics.length === 0) {
      setPreview({ state: 'idle' })
      return
    }
    setPreview((p) => ({ state: 'loading', last: p.state === 'ready' ? p.result : p.state === 'loading' ? p.last : undefined }))
    const timer = setTimeout(() => {
      asStaff((c) => c.call('previewAudience', { body: JSON.parse(key) as { audience: CampaignBody['audience']; channels: CampaignBody['channels'] } }))
        .then((result) => {
          if (mine === seq.current) setPreview({ state: 'ready', result })
        })
        .catch((err: unknown) => {
          if (mine === seq.current) setPreview({ state: 'error', message: errorMessage(err, '受众预估失败，请稍后再试') })
        })
    }, PREVIEW_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [key])
  return preview
}

function PreviewCard({ preview }: { preview: PreviewState }) {
  const shownResult = preview.state === 'ready' ? preview.result : preview.state === 'loading' ? preview.last : undefined
  return (
    <View className='wb-card camp-preview' data-testid='audience-preview' data-state={preview.state} aria-live='polite'>
      <Text className='wb-label'>受众预估（按现在的订阅）</Text>
      {preview.state === 'idle' ? <Text className='workbench-text'>选择主题后显示符合条件的人数</Text> : null}
      {shownResult ? <Text className={'workbench-text camp-preview-text' + (preview.state === 'loading' ? ' wb-busy' : '')} data-testid='preview-text'>{previewText(shownResult)}</Text> : null}
      {preview.state === 'loading' && !shownResult ? <Text className='workbench-text'>正在计算…</Text> : null}
      {preview.state === 'error' ? <Text className='wb-task-warn'>{preview.message}</Text> : null}
    </View>
  )
}

/** The error slot each form field answers for. */
const ERROR_FIELD_OF: Record<keyof CampaignForm, string> = {
  name: 'name',
  topics: 'audience.topics',
  topicMatch: 'audience.topicMatch',
  regions: 'audience.regions',
  groups: 'audience.groups',
  itemId: 'itemId',
  itemTitle: 'itemId',
  title: 'message.title',
  text: 'message.text',
  wechat: 'channels',
  sms: 'channels',
  timing: 'sendAt',
  sendAtText: 'sendAt',
}

/** 撰写 / 修改: the whole campaign on one page; 保存草稿 and 提交审批 (which saves first). */
function Builder({ staff, campaign, onSaved }: { staff: StaffProfile; campaign?: Campaign; onSaved: (c: Campaign) => void }) {
  const [form, setForm] = useState<CampaignForm>(() => (campaign ? campaignFormOf(campaign, new Date()) : newCampaignForm(new Date())))
  const [saved, setSaved] = useState<Campaign | undefined>(campaign)
  const [savedBody, setSavedBody] = useState(() => (campaign ? JSON.stringify(campaignBodyOf(campaignFormOf(campaign, new Date()))) : ''))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  const [moreTopics, setMoreTopics] = useState(() => form.topics.some((t) => MORE_TOPICS.some((m) => m.code === t)))
  // Editing a field clears what the server said about it.
  const set = (patch: Partial<CampaignForm>) => {
    setForm({ ...form, ...patch })
    setNotice('')
    const touched = (Object.keys(patch) as (keyof CampaignForm)[]).map((k) => ERROR_FIELD_OF[k])
    if (touched.some((f) => errors[f])) setErrors(Object.fromEntries(Object.entries(errors).filter(([f]) => !touched.includes(f))))
  }
  const preview = usePreview(audienceOf(form), { wechat: form.wechat, sms: form.sms })
  const title = titleCheck(form.title)
  const textCount = form.text.trim().length
  const timeNote = sendTimeNote(form, saved?.urgent ?? false)
  const toggle = <T,>(list: readonly T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

  /** Saves when anything changed since the last save; answers the campaign as saved, or undefined when refused. */
  const save = async (): Promise<Campaign | undefined> => {
    const built = campaignBodyOf(form)
    if (!built.ok) {
      setErrors(built.errors)
      return undefined
    }
    const key = JSON.stringify(built)
    if (saved && key === savedBody) return saved
    const c = await asStaff((api) => (saved ? api.call('updateCampaign', { params: { id: saved.id }, body: built.body }) : api.call('createCampaign', { body: built.body })))
    setSaved(c)
    setSavedBody(key)
    return c
  }
  const run = async (submit: boolean) => {
    if (busy) return
    setBusy(true)
    setErrors({})
    setNotice('')
    try {
      const c = await save()
      if (!c) return
      if (submit) {
        onSaved(await asStaff((api) => api.call('actOnCampaign', { params: { id: c.id }, body: { action: 'submit' } })))
        return
      }
      setNotice(`已保存草稿（${formatShanghaiDateTime(new Date())}）`)
    } catch (err) {
      setErrors(campaignErrors(err, submit ? '提交失败，请稍后再试' : '保存失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  const topicChip = (t: { code: TopicCode; name: string }) => {
    const on = form.topics.includes(t.code)
    return (
      <View key={t.code} className={'wb-chip' + (on ? ' wb-chip-on' : '')} role='checkbox' aria-checked={on} data-topic={t.code} onClick={() => set({ topics: toggle(form.topics, t.code) })}>
        <Text>{t.name}</Text>
      </View>
    )
  }
  const errorCount = Object.keys(errors).length
  return (
    <View className='workbench camp' data-testid='campaign-builder' data-id={saved?.id}>
      <Text className='workbench-title'>{saved ? '修改推送' : '新建推送'}</Text>
      <Text className='workbench-text'>{staff.departmentName}</Text>
      {saved ? (
        <Text className='wb-state' data-testid='campaign-state' data-state={saved.state}>
          状态：{saved.stateLabel}
          {saved.urgent ? '（紧急）' : ''}
        </Text>
      ) : null}
      {saved?.state === 'rejected' ? (
        <Text className='wb-task-warn' data-testid='rejection'>
          {saved.rejection ? `${saved.rejection.by} 退回（${formatShanghaiDateTime(saved.rejection.at)}）：${saved.rejection.reason}。` : '审批人已退回这条推送。'}请修改后再提交审批。
        </Text>
      ) : null}

      <View className='wb-field' data-testid='field-name'>
        <Text className='wb-label'>推送名称（内部使用，群众看不到；{NAME_LIMIT} 字以内）</Text>
        <Input className='wb-input' aria-label='推送名称' maxlength={-1} placeholder='例如：新乡市征地补偿标准调整提醒' value={form.name} onInput={(e) => set({ name: e.detail.value })} />
        <FieldError errors={errors} field='name' />
      </View>

      <View className='wb-card' data-testid='audience'>
        <Text className='wb-name'>推送对象</Text>
        <Text className='wb-label'>主题（订阅了这些主题的群众）</Text>
        <View className='wb-chips' role='group' aria-label='主题' data-testid='topics'>
          {FIRST_TOPICS.map(topicChip)}
          {moreTopics ? MORE_TOPICS.map(topicChip) : null}
        </View>
        <View className='camp-link' role='button' data-testid='more-topics' onClick={() => setMoreTopics(!moreTopics)}>
          <Text>{moreTopics ? '收起其他主题' : '更多主题'}</Text>
        </View>
        <FieldError errors={errors} field='audience.topics' />
        {form.topics.length > 1 ? (
          <View className='wb-chips' role='radiogroup' aria-label='主题匹配方式'>
            {(['any', 'all'] as const).map((m) => (
              <View key={m} className={'wb-chip' + (form.topicMatch === m ? ' wb-chip-on' : '')} role='radio' aria-checked={form.topicMatch === m} data-match={m} onClick={() => set({ topicMatch: m })}>
                <Text>{m === 'any' ? '订阅任一主题即可' : '须订阅全部所选主题'}</Text>
              </View>
            ))}
          </View>
        ) : null}
        <FieldError errors={errors} field='audience.topicMatch' />

        <Text className='wb-label camp-sub'>地区（可选多个；每个地区包含其下级地区）</Text>
        <AreaPicker regions={form.regions} start={departmentByCode(staff.department)?.region} onChange={(regions) => set({ regions })} />
        <FieldError errors={errors} field='audience.regions' />

        <Text className='wb-label camp-sub'>身份（不选：不限身份；选了：只推送给声明了其中一种身份的群众）</Text>
        <View className='wb-chips' role='group' aria-label='身份' data-testid='groups'>
          {CITIZEN_GROUPS.map((g) => {
            const on = form.groups.includes(g.code)
            return (
              <View key={g.code} className={'wb-chip' + (on ? ' wb-chip-on' : '')} role='checkbox' aria-checked={on} data-group={g.code} onClick={() => set({ groups: toggle(form.groups, g.code) })}>
                <Text>{g.name}</Text>
              </View>
            )
          })}
        </View>
        <FieldError errors={errors} field='audience.groups' />
      </View>

      <View className='wb-field' data-testid='field-channels'>
        <Text className='wb-label'>推送渠道</Text>
        <Check on label='站内消息（群众的“我的消息”，始终发送）' disabled testId='channel-inbox' />
        <Check on={form.wechat} label='微信订阅消息（已授权的群众）' testId='channel-wechat' onToggle={() => set({ wechat: !form.wechat })} />
        <Check on={form.sms} label='短信（已绑定手机的群众）' testId='channel-sms' onToggle={() => set({ sms: !form.sms })} />
        <FieldError errors={errors} field='channels' />
      </View>

      <PreviewCard preview={preview} />

      <View className='wb-field' data-testid='field-item'>
        <Text className='wb-label'>推送内容（本部门已发布的内容，群众点消息打开它）</Text>
        <ItemPicker itemId={form.itemId} itemTitle={form.itemTitle} onChoose={(itemId, itemTitle) => set({ itemId, itemTitle })} />
        <FieldError errors={errors} field='itemId' />
      </View>

      <View className='wb-field' data-testid='field-title'>
        <Text className='wb-label'>消息标题（微信提醒的标题）</Text>
        <Input className='wb-input' aria-label='消息标题' maxlength={-1} placeholder='例如：征地补偿标准调整' value={form.title} onInput={(e) => set({ title: e.detail.value })} />
        <Text className={'camp-counter' + (title.over ? ' camp-counter-over' : '')} data-testid='title-counter' data-over={title.over}>
          {title.count} / {title.limit} 字（微信订阅消息标题最多 {title.limit} 个字）
        </Text>
        {title.message ? <Text className='wb-task-warn' data-testid='title-rule'>{title.message}</Text> : null}
        <Text className='wb-task-meta'>微信提醒显示：标题、发布单位（{staff.departmentName}）、发送时间。</Text>
        <FieldError errors={errors} field='message.title' />
      </View>

      <View className='wb-field' data-testid='field-text'>
        <Text className='wb-label'>消息内容（站内消息和短信的正文）</Text>
        <Textarea className='wb-textarea' aria-label='消息内容' maxlength={-1} placeholder='用一两句话说明这条推送，例如：新乡市调整了征地补偿标准，请点开查看。' value={form.text} onInput={(e) => set({ text: e.detail.value })} />
        <Text className={'camp-counter' + (textCount > TEXT_LIMIT ? ' camp-counter-over' : '')} data-testid='text-counter'>
          {textCount} / {TEXT_LIMIT} 字
        </Text>
        <FieldError errors={errors} field='message.text' />
      </View>

      <View className='wb-field' data-testid='field-send-at'>
        <Text className='wb-label'>发送时间</Text>
        <View className='wb-chips' role='radiogroup' aria-label='发送时间'>
          <View className={'wb-chip' + (form.timing === 'now' ? ' wb-chip-on' : '')} role='radio' aria-checked={form.timing === 'now'} data-timing='now' onClick={() => set({ timing: 'now' })}>
            <Text>立即（批准后发送）</Text>
          </View>
          <View className={'wb-chip' + (form.timing === 'at' ? ' wb-chip-on' : '')} role='radio' aria-checked={form.timing === 'at'} data-timing='at' onClick={() => set({ timing: 'at' })}>
            <Text>定时发送</Text>
          </View>
        </View>
        {form.timing === 'at' ? (
          <Input className='wb-input' aria-label='发送时间（北京时间）' placeholder='北京时间，例如 2026-12-01 09:00' value={form.sendAtText} onInput={(e) => set({ sendAtText: e.detail.value })} />
        ) : null}
        <Text className={timeNote.warn ? 'wb-task-warn' : 'wb-task-meta'} data-testid='quiet-hours-note'>
          {timeNote.text}
        </Text>
        <FieldError errors={errors} field='sendAt' />
      </View>

      <FieldError errors={errors} field='other' />
      {errorCount > 0 && !errors.other ? <View className='wb-error' role='alert'><Text>有 {errorCount} 处需要修改，请看上面标红的提示。</Text></View> : null}
      {notice ? <View role='status'><Text className='wb-ok' data-testid='saved-note'>{notice}</Text></View> : null}
      <View className={'wb-button wb-secondary' + (busy ? ' wb-busy' : '')} role='button' data-testid='save-draft' onClick={() => void run(false)}>
        <Text>保存草稿</Text>
      </View>
      <View className={'wb-button' + (busy ? ' wb-busy' : '')} role='button' data-testid='submit' onClick={() => void run(true)}>
        <Text>提交审批</Text>
      </View>
      {saved ? <Actions campaign={saved} only={['markUrgent', 'cancel']} onChange={(c) => (c.actions.includes('edit') ? (setSaved(c), setNotice('')) : onSaved(c))} /> : null}
    </View>
  )
}

/** Steps that need a written reason, with what the reason is called and an example. */
type Step = Exclude<CampaignAction, 'edit'>
const REASONED: Partial<Record<Step, { label: string; field: string; placeholder: string; confirm: string }>> = {
  reject: { label: '退回修改', field: '退回理由', placeholder: '写明要改什么，例如：标题请写明调整后的标准', confirm: '确认退回' },
  markUrgent: { label: '标为紧急', field: '紧急理由', placeholder: '例如：暴雨避险，须立即告知（紧急推送在免打扰时段也会发送）', confirm: '确认标为紧急' },
  cancel: { label: '取消推送', field: '取消理由', placeholder: '例如：标准有误，暂不推送', confirm: '确认取消推送' },
}
const PLAIN: Partial<Record<Step, { label: string; primary: boolean }>> = {
  approve: { label: CAMPAIGN_TRANSITIONS.approve.label, primary: true },
  submit: { label: CAMPAIGN_TRANSITIONS.submit.label, primary: true },
  recall: { label: CAMPAIGN_TRANSITIONS.recall.label, primary: false },
  pause: { label: '暂停发送', primary: false },
  resume: { label: CAMPAIGN_TRANSITIONS.resume.label, primary: true },
}
const ORDER: Step[] = ['approve', 'submit', 'reject', 'recall', 'resume', 'pause', 'markUrgent', 'cancel']

/** The buttons of the steps this person may take now (from the server's `actions`); a step that needs a reason asks for it first. */
function Actions({ campaign, only, onChange }: { campaign: Campaign; only?: Step[]; onChange: (c: Campaign) => void }) {
  const [open, setOpen] = useState<Step>()
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const actions = ORDER.filter((a) => campaign.actions.includes(a) && (!only || only.includes(a)))
  const take = async (action: Step) => {
    if (busy) return
    const asked = REASONED[action]
    if (asked && !reason.trim()) {
      setErrors({ reason: `请写明${asked.field}` })
      return
    }
    setBusy(true)
    setErrors({})
    try {
      const c = await asStaff((api) => api.call('actOnCampaign', { params: { id: campaign.id }, body: { action, ...(asked ? { reason: reason.trim() } : {}) } }))
      setOpen(undefined)
      setReason('')
      onChange(c)
    } catch (err) {
      setErrors(campaignErrors(err, '操作失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  if (actions.length === 0) return null
  return (
    <View className='camp-actions' data-testid='campaign-actions'>
      {actions.map((a) => {
        const asked = REASONED[a]
        if (!asked) {
          const plain = PLAIN[a]!
          return (
            <View key={a} className={'wb-button' + (plain.primary ? '' : ' wb-secondary') + (busy ? ' wb-busy' : '')} role='button' data-action={a} onClick={() => void take(a)}>
              <Text>{plain.label}</Text>
            </View>
          )
        }
        if (open !== a) {
          return (
            <View key={a} className='wb-button wb-secondary' role='button' data-action={a} onClick={() => (setOpen(a), setReason(''), setErrors({}))}>
              <Text>{asked.label}…</Text>
            </View>
          )
        }
        return (
          <View key={a} className='wb-card camp-reason' data-testid={`reason-${a}`}>
            <Text className='wb-label'>{asked.field}（必填）</Text>
            <Textarea className='wb-textarea' aria-label={asked.field} maxlength={-1} placeholder={asked.placeholder} value={reason} onInput={(e) => setReason(e.detail.value)} />
            <FieldError errors={errors} field='reason' />
            <View className={'wb-button' + (busy ? ' wb-busy' : '')} role='button' data-action={`${a}-confirm`} onClick={() => void take(a)}>
              <Text>{asked.confirm}</Text>
            </View>
            <View className='wb-button wb-secondary' role='button' onClick={() => (setOpen(undefined), setErrors({}))}>
              <Text>先不{asked.label}</Text>
            </View>
          </View>
        )
      })}
      <FieldError errors={errors} field='other' />
    </View>
  )
}

/** Figures of the sending, as the sender keeps them. */
function Stats({ campaign, refreshing }: { campaign: Campaign; refreshing: boolean }) {
  const s = campaign.stats
  const figure = (testId: string, label: string, value: number) => (
    <View className='camp-figure' data-testid={testId} data-value={value}>
      <Text className='camp-figure-value'>{value}</Text>
      <Text className='camp-figure-label'>{label}</Text>
    </View>
  )
  const failures = failureRows(s.failed)
  return (
    <View className='wb-card' data-testid='campaign-stats'>
      <Text className='wb-name'>发送统计</Text>
      {refreshing ? <Text className='wb-task-meta' data-testid='auto-refresh'>{campaign.state === 'sending' ? '发送中' : '等待发送'}，每 {REFRESH_MS / 1000} 秒自动刷新</Text> : null}
      <View className='camp-figures'>
        {figure('stat-targeted', '目标人数', s.targeted)}
        {figure('stat-wechat', '已发送 · 微信', s.sent.wechat)}
        {figure('stat-sms', '已发送 · 短信', s.sent.sms)}
        {figure('stat-inbox', '已发送 · 站内', s.sent.inbox)}
        {figure('stat-read', '已读', s.inboxRead)}
        {figure('stat-opened', '打开链接', s.linkOpened)}
      </View>
      <View className='camp-stat-rows'>
        <View data-testid='stat-failed'>
          <Text className='workbench-text'>失败：{failures.length ? '' : '无'}</Text>
          {failures.map((f) => (
            <Text key={f.code} className='wb-task-warn' data-code={f.code}>
              · {f.label}：{f.count} 人
            </Text>
          ))}
        </View>
        <Text className='workbench-text' data-testid='stat-skipped'>
          未推送（消息已进入站内消息）：每日上限 {s.skipped.cap} 人，无微信授权 {s.skipped.noConsent} 人
        </Text>
        <Text className='workbench-text' data-testid='stat-unconfirmed'>
          未确认（已交给微信，未收到结果）：{s.unconfirmed} 人
        </Text>
      </View>
    </View>
  )
}

/** A campaign that is not (or no longer) editable here: read-only, with the steps and the figures. */
function Detail({ staff, campaign: c, refreshing, onChange }: { staff: StaffProfile; campaign: Campaign; refreshing: boolean; onChange: (c: Campaign) => void }) {
  const lines = audienceLines(c.audience)
  const before = ['draft', 'submitted', 'rejected', 'scheduled', 'paused'].includes(c.state)
  const preview = usePreview(before ? c.audience : { ...c.audience, topics: [] }, c.channels)
  const note = sendTimeNote({ timing: c.sendAt ? 'at' : 'now', sendAtText: c.sendAt ? formatShanghaiDateTime(c.sendAt) : '' }, c.urgent)
  const row = (label: string, value: string, testId?: string) => (
    <View className='camp-row' data-testid={testId}>
      <Text className='camp-row-label'>{label}</Text>
      <Text className='camp-row-value'>{value}</Text>
    </View>
  )
  return (
    <View className='workbench camp' data-testid='campaign-detail' data-id={c.id}>
      <Text className='workbench-title'>{c.name}</Text>
      <Text className='wb-state' data-testid='campaign-state' data-state={c.state}>
        状态：{c.stateLabel}
        {c.urgent ? '（紧急）' : ''}
        {c.sentAt ? `，${formatShanghaiDateTime(c.sentAt)} 发送完毕` : ''}
      </Text>
      {c.waitingUntil ? (
        <Text className='wb-task-meta' data-testid='waiting-until'>
          免打扰时段，将于 {formatShanghaiDateTime(c.waitingUntil)} 继续发送。
        </Text>
      ) : null}
      {c.state === 'submitted' && !c.actions.includes('approve') ? (
        <Text className='wb-task-meta' data-testid='maker-note'>
          {can(staff, 'push.approve', c.department) ? '您撰写或提交了这条推送，须由本部门其他审核人员批准。' : '等待本部门审核人员批准。'}
        </Text>
      ) : null}
      <View className='wb-card'>
        {row('推送内容', c.item.title, 'detail-item')}
        {row('消息标题', c.message.title, 'detail-title')}
        {row('消息内容', c.message.text)}
        {row('主题', lines.topics)}
        {row('地区', lines.regions, 'detail-regions')}
        {row('身份', lines.groups)}
        {row('渠道', channelsText(c.channels))}
        {row('发送时间', sendTimeText(c), 'detail-send-at')}
        {before ? <Text className={note.warn ? 'wb-task-warn' : 'wb-task-meta'}>{note.text}</Text> : null}
        {row('撰写', c.createdBy.name)}
        {row('批准', c.approvedBy?.name ?? '尚未批准')}
      </View>
      {before ? <PreviewCard preview={preview} /> : null}
      <Actions campaign={c} onChange={onChange} />
      <Stats campaign={c} refreshing={refreshing} />
    </View>
  )
}
