import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ApiClientError, type CitizenProfile, type Consents, type TopicCode } from '@zw/shared'
import { Choice } from '@/components/Choice'
import { ElderSwitch } from '@/components/ElderSwitch'
import { Page } from '@/components/Page'
import { RegionPicker } from '@/components/RegionPicker'
import { Section } from '@/components/Section'
import { Failure, Loading } from '@/components/StateViews'
import { INBOX_PATH } from '@/lib/citizenPages'
import { regionPathName } from '@/lib/citizenProfile'
import {
  addSubscriptions,
  areaText,
  consentButtonLabel,
  consentOutcome,
  consentResults,
  DEFAULT_DIGEST_AT,
  draftsFrom,
  frequencyText,
  hasErrors,
  HOUR_OPTIONS,
  minuteOptions,
  MORE_TOPICS,
  splitTime,
  subscribeFailureMessage,
  subscribeRequests,
  subscriptionErrors,
  subscriptionsBody,
  THEME_TOPICS,
  topicLabel,
  type EntryField,
  type Frequency,
  type SubscribeRequest,
  type SubscriptionDraft,
  type SubscriptionErrors,
} from '@/lib/citizenPush'
import { asCitizen, hasCitizenSession, IN_WECHAT, ME_PATH } from '@/lib/citizenSession'
import { errorMessage } from '@/lib/errors'
import { openPage } from '@/lib/routes'
import '../me/index.css'
import './index.css'
import { CheckTile } from '@/components/CheckTile'

type State =
  | { kind: 'checking' }
  | { kind: 'logged-out'; notice?: string }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; profile: CitizenProfile; drafts: SubscriptionDraft[] }

const notLoggedIn = (err: unknown) => err instanceof ApiClientError && err.code === 'UNAUTHENTICATED'
const EXPIRED = '登录已过期，请重新登录。'

/**
 * 我的订阅: the citizen picks topics (the 精准推送 themes first), for their own area or
 * another, heard at once or in a daily digest at a time they choose; all saved at once.
 * Below, 微信提醒: what WeChat lets us send them, and the tap that asks for more.
 */
export default function Subscriptions() {
  const [state, setState] = useState<State>(() => (hasCitizenSession() ? { kind: 'checking' } : { kind: 'logged-out' }))

  const load = () => {
    setState({ kind: 'checking' })
    Promise.all([asCitizen((c) => c.call('getCitizenMe', {})), asCitizen((c) => c.call('getSubscriptions', {}))]).then(
      ([profile, subs]) => setState({ kind: 'ready', profile, drafts: draftsFrom(subs.subscriptions) }),
      (err: unknown) => setState(notLoggedIn(err) ? { kind: 'logged-out', notice: EXPIRED } : { kind: 'failed', message: errorMessage(err) }),
    )
  }
  useEffect(() => {
    if (hasCitizenSession()) load()
  }, [])
  // Back from 我的: logged in there, or the area changed there.
  useDidShow(() => {
    if (state.kind === 'logged-out' && hasCitizenSession()) load()
    else if (state.kind === 'ready') {
      asCitizen((c) => c.call('getCitizenMe', {})).then(
        (profile) => setState((s) => (s.kind === 'ready' ? { ...s, profile } : s)),
        () => undefined,
      )
    }
  })

  return (
    <Page>
      <View className='me-head'>
        <View className='me-title' role='heading' aria-level={1}>
          我的订阅
        </View>
        <ElderSwitch compact />
      </View>
      {state.kind === 'checking' && <Loading text='正在确认登录状态…' />}
      {state.kind === 'failed' && <Failure message={state.message} onRetry={load} />}
      {state.kind === 'logged-out' && <LogInFirst notice={state.notice} />}
      {state.kind === 'ready' && (
        <>
          <SubscriptionForm profile={state.profile} initial={state.drafts} onLoggedOut={() => setState({ kind: 'logged-out', notice: EXPIRED })} />
          <ConsentSection />
          <View className='sub-link' role='link' data-testid='inbox-link' onClick={() => openPage(INBOX_PATH)}>
            <Text>查看我的消息</Text>
            <Text aria-hidden='true'>›</Text>
          </View>
        </>
      )}
    </Page>
  )
}

/** Not logged in: the log-in is on 我的 (one place for it); coming back reloads this page. */
function LogInFirst({ notice }: { notice?: string }) {
  return (
    <View data-testid='login-first'>
      {notice ? (
        <View className='me-notice' role='status'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      <Section title='请先登录'>
        <Text className='plain'>订阅政策消息要先登录。登录后，有关您所选主题和地区的政策消息会发给您。</Text>
        <View className='btn me-button' role='button' data-testid='go-login' onClick={() => openPage(ME_PATH)}>
          <Text>去“我的”登录</Text>
        </View>
      </Section>
    </View>
  )
}

// ---------- the subscriptions ----------

function SubscriptionForm({ profile, initial, onLoggedOut }: { profile: CitizenProfile; initial: SubscriptionDraft[]; onLoggedOut: () => void }) {
  const own = profile.region
  const [drafts, setDrafts] = useState(initial)
  const [composing, setComposing] = useState(initial.length === 0)
  const [errors, setErrors] = useState<SubscriptionErrors>({ entries: {} })
  const [notice, setNotice] = useState('')
  const [dirty, setDirty] = useState(false)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)

  const change = (next: SubscriptionDraft[], message = '') => {
    setDrafts(next)
    setDirty(true)
    setSaved(false)
    setErrors({ entries: {} })
    setNotice(message)
  }
  const remove = (i: number) => change(drafts.filter((_, j) => j !== i), `已删除：${topicLabel(drafts[i]!.topic)}。请点下面的“保存”。`)
  const edit = (i: number, frequency: Frequency, digestAt: string | null) =>
    change(drafts.map((d, j) => (j === i ? { ...d, frequency, digestAt: frequency === 'digest' ? digestAt : null } : d)))

  const save = async () => {
    if (saving) return
    setSaving(true)
    setSaved(false)
    setErrors({ entries: {} })
    setNotice('')
    try {
      const result = await asCitizen((c) => c.call('setSubscriptions', { body: subscriptionsBody(drafts) }))
      setDrafts(draftsFrom(result.subscriptions))
      setDirty(false)
      setSaved(true)
    } catch (err) {
      if (notLoggedIn(err)) onLoggedOut()
      else setErrors(subscriptionErrors(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View data-testid='subscription-form'>
      {!own ? (
        <View className='me-notice' role='status' data-testid='no-area'>
          <Text className='sub-notice-text'>您还没有设置所在地区。订阅时请为每一项选一个地区，或者先去“我的”里设置所在地区。</Text>
          <View className='sub-inline-link' role='link' onClick={() => openPage(ME_PATH)}>
            <Text>去“我的”设置所在地区</Text>
          </View>
        </View>
      ) : null}

      <Section title={`已订阅（${drafts.length} 项）`}>
        {drafts.length === 0 ? <Text className='plain'>还没有订阅。请在下面选主题，再点“加入订阅”。</Text> : null}
        {drafts.map((d, i) => (
          <Entry key={`${d.topic}@${d.region ?? 'own'}`} index={i} draft={d} own={own} errors={errors.entries[i]} onRemove={() => remove(i)} onEdit={(f, t) => edit(i, f, t)} />
        ))}
      </Section>

      {composing ? (
        <AddSubscription
          own={own}
          canCancel={drafts.length > 0}
          onCancel={() => setComposing(false)}
          onAdd={(choice) => {
            const result = addSubscriptions(drafts, choice, own)
            if (!result.ok) return result.message
            const parts = []
            if (result.added.length) parts.push(`已加入：${result.added.join('、')}。还没保存，请点下面的“保存”。`)
            if (result.already.length) parts.push(`${result.already.join('、')} 在这个地区已经订阅过了。`)
            if (result.added.length) {
              change(result.drafts, parts.join(''))
              setComposing(false)
              return null
            }
            return parts.join('')
          }}
        />
      ) : (
        <View className='btn btn-plain me-button sub-add' role='button' data-testid='add-subscription' onClick={() => { setNotice(''); setComposing(true) }}>
          <Text>＋ 添加订阅</Text>
        </View>
      )}

      {notice ? (
        <View className='me-notice' role='status' data-testid='form-notice'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      {errors.other ? (
        <View className='me-error' role='alert' data-field='other'>
          <Text>{errors.other}</Text>
        </View>
      ) : null}
      {hasErrors(errors) && !errors.other ? (
        <View className='me-error' role='alert'>
          <Text>有几项需要修改，请看上面红框里的提示。</Text>
        </View>
      ) : null}
      {saved ? (
        <View className='me-saved' role='status' data-testid='saved'>
          <Text>已保存</Text>
        </View>
      ) : null}
      {dirty && !notice && !hasErrors(errors) ? (
        <View className='me-notice' role='status'>
          <Text>有改动还没保存，请点“保存”。</Text>
        </View>
      ) : null}
      <View className={'btn me-button' + (saving ? ' me-busy' : '')} role='button' data-testid='save-subscriptions' onClick={() => void save()}>
        <Text>{saving ? '正在保存…' : '保存'}</Text>
      </View>
    </View>
  )
}

function FieldError({ index, field, message }: { index: number; field: EntryField; message?: string }) {
  if (!message) return null
  return (
    <View className='me-error' role='alert' data-field={field === 'entry' ? `subscriptions.${index}` : `subscriptions.${index}.${field}`}>
      <Text>{message}</Text>
    </View>
  )
}

function Entry({
  index,
  draft,
  own,
  errors,
  onRemove,
  onEdit,
}: {
  index: number
  draft: SubscriptionDraft
  own: string | null
  errors?: Partial<Record<EntryField, string>>
  onRemove: () => void
  onEdit: (frequency: Frequency, digestAt: string | null) => void
}) {
  const [editing, setEditing] = useState(false)
  const showEditor = editing || !!errors?.frequency || !!errors?.digestAt
  return (
    <View className={'sub-entry' + (errors ? ' sub-entry-refused' : '')} data-testid='subscription' data-index={index} data-topic={draft.topic} data-region={draft.region ?? ''} data-frequency={draft.frequency}>
      <View className='sub-entry-head'>
        <Text className='sub-entry-topic'>{topicLabel(draft.topic)}</Text>
        {draft.fresh ? <Text className='sub-entry-new'>新加，未保存</Text> : null}
      </View>
      <FieldError index={index} field='topic' message={errors?.topic} />
      <Text className='sub-entry-line' data-testid='subscription-area'>
        地区：{areaText(draft.region, own)}
      </Text>
      <FieldError index={index} field='region' message={errors?.region} />
      <Text className='sub-entry-line' data-testid='subscription-frequency'>
        提醒：{frequencyText(draft.frequency, draft.digestAt)}
      </Text>
      {showEditor ? <FrequencyPicker frequency={draft.frequency} digestAt={draft.digestAt ?? DEFAULT_DIGEST_AT} onChange={onEdit} /> : null}
      <FieldError index={index} field='frequency' message={errors?.frequency} />
      <FieldError index={index} field='digestAt' message={errors?.digestAt} />
      <FieldError index={index} field='entry' message={errors?.entry} />
      <View className='sub-entry-actions'>
        <View className='btn btn-plain sub-entry-button' role='button' aria-expanded={showEditor} onClick={() => setEditing(!showEditor)}>
          <Text>{showEditor ? '改好了' : '改提醒方式'}</Text>
        </View>
        <View className='btn btn-plain sub-entry-button sub-delete' role='button' data-testid='delete-subscription' aria-label={`删除 ${topicLabel(draft.topic)}`} onClick={onRemove}>
          <Text>删除</Text>
        </View>
      </View>
    </View>
  )
}

// ---------- adding ----------

function TopicGrid({ topics, chosen, onToggle, strong }: { topics: readonly { code: TopicCode; name: string }[]; chosen: readonly TopicCode[]; onToggle: (code: TopicCode) => void; strong?: boolean }) {
  return (
    <View className='sub-topic-grid' role='group'>
      {topics.map((t) => (
        <CheckTile key={t.code} on={chosen.includes(t.code)} label={t.name} className={'sub-topic' + (strong ? ' sub-topic-strong' : '')} data={{ 'data-topic': t.code }} onClick={() => onToggle(t.code)} />
      ))}
    </View>
  )
}

function AddSubscription({ own, canCancel, onCancel, onAdd }: { own: string | null; canCancel: boolean; onCancel: () => void; onAdd: (choice: { topics: TopicCode[]; region: string | null; frequency: Frequency; digestAt: string }) => string | null }) {
  const [topics, setTopics] = useState<TopicCode[]>([])
  const [more, setMore] = useState(false)
  const [areaMode, setAreaMode] = useState<'own' | 'other'>(own ? 'own' : 'other')
  const [other, setOther] = useState<string | null>(own)
  const [frequency, setFrequency] = useState<Frequency>('immediate')
  const [digestAt, setDigestAt] = useState(DEFAULT_DIGEST_AT)
  const [message, setMessage] = useState('')

  const mode = own ? areaMode : 'other'
  const toggle = (code: TopicCode) => {
    setMessage('')
    setTopics((t) => (t.includes(code) ? t.filter((c) => c !== code) : [...t, code]))
  }
  const chosenMore = topics.filter((c) => MORE_TOPICS.some((t) => t.code === c)).length
  const add = () => setMessage(onAdd({ topics, region: mode === 'own' ? null : other, frequency, digestAt }) ?? '')

  return (
    <Section title='添加订阅' className='sub-compose'>
      <View data-testid='compose'>
        <Text className='me-label'>1. 选主题（可以选几个）</Text>
        <Text className='me-hint'>惠民政策主题</Text>
        <TopicGrid topics={THEME_TOPICS} chosen={topics} onToggle={toggle} strong />
        <View className='sub-more' role='button' aria-expanded={more} data-testid='more-topics' onClick={() => setMore(!more)}>
          <Text>{more ? '收起更多主题' : `更多主题（${MORE_TOPICS.length} 个）`}</Text>
          {!more && chosenMore ? <Text className='sub-more-count'>已选 {chosenMore} 个</Text> : null}
          <Text aria-hidden='true'>{more ? '▲' : '▼'}</Text>
        </View>
        {more ? <TopicGrid topics={MORE_TOPICS} chosen={topics} onToggle={toggle} /> : null}

        <Text className='me-label sub-step'>2. 地区</Text>
        {own ? (
          <View className='sub-radios' role='radiogroup' aria-label='地区'>
            <Radio on={mode === 'own'} data='own' onClick={() => setAreaMode('own')} title='我所在的地区' hint={regionPathName(own) ?? ''} />
            <Radio on={mode === 'other'} data='other' onClick={() => setAreaMode('other')} title='选其他地区' hint='例如整个县（区）或整个市' />
          </View>
        ) : (
          <Text className='me-hint'>您还没有设置所在地区，请在下面选一个地区。</Text>
        )}
        {mode === 'other' ? (
          <View className='sub-region' data-testid='other-region'>
            <RegionPicker
              value={other}
              onChange={(code) => {
                setMessage('')
                setOther(code)
              }}
            />
          </View>
        ) : null}

        <Text className='me-label sub-step'>3. 多久提醒一次</Text>
        <FrequencyPicker
          frequency={frequency}
          digestAt={digestAt}
          onChange={(f, t) => {
            setFrequency(f)
            if (t) setDigestAt(t)
          }}
        />

        {topics.length ? <Text className='plain sub-chosen'>已选主题：{topics.map(topicLabel).join('、')}</Text> : null}
        {message ? (
          <View className='me-error' role='alert' data-field='compose'>
            <Text>{message}</Text>
          </View>
        ) : null}
        <View className='btn me-button' role='button' data-testid='add-confirm' onClick={add}>
          <Text>加入订阅</Text>
        </View>
        {canCancel ? (
          <View className='btn btn-plain me-button' role='button' onClick={onCancel}>
            <Text>不添加了</Text>
          </View>
        ) : null}
      </View>
    </Section>
  )
}

function Radio({ on, data, title, hint, onClick }: { on: boolean; data: string; title: string; hint?: string; onClick: () => void }) {
  return (
    <View className={'group-option sub-radio' + (on ? ' group-on' : '')} role='radio' aria-checked={on} data-choice={data} onClick={onClick}>
      <Text className='group-mark sub-radio-mark' aria-hidden='true'>
        {on ? '●' : ''}
      </Text>
      <View className='group-name'>
        <Text className='sub-radio-title'>{title}</Text>
        {hint ? <Text className='sub-radio-hint'>{hint}</Text> : null}
      </View>
    </View>
  )
}

/** 有消息就提醒, or 每天汇总一次 at a time picked as 几点 and 几分 from big buttons (HH:mm). */
function FrequencyPicker({ frequency, digestAt, onChange }: { frequency: Frequency; digestAt: string; onChange: (frequency: Frequency, digestAt: string | null) => void }) {
  const { hour, minute } = splitTime(digestAt)
  return (
    <View className='sub-frequency' data-testid='frequency'>
      <View className='sub-radios' role='radiogroup' aria-label='提醒方式'>
        <Radio on={frequency === 'immediate'} data='immediate' onClick={() => onChange('immediate', null)} title='有消息就提醒' hint='有新消息，马上告诉您' />
        <Radio on={frequency === 'digest'} data='digest' onClick={() => onChange('digest', digestAt)} title='每天汇总一次' hint='每天在您选的时间，一起告诉您' />
      </View>
      {frequency === 'digest' ? (
        <View className='sub-time' data-testid='digest-time'>
          <Text className='me-hint'>每天几点汇总（北京时间）：{digestAt}</Text>
          <Choice label='几点' className='sub-hour' options={HOUR_OPTIONS} value={hour} onChange={(h) => onChange('digest', `${h}:${minute}`)} />
          <Choice label='几分' className='sub-minute' options={minuteOptions(minute)} value={minute} onChange={(m) => onChange('digest', `${hour}:${m}`)} />
        </View>
      ) : null}
    </View>
  )
}

// ---------- 微信提醒 ----------

type ConsentState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; consents: Consents }

/**
 * What WeChat lets us send this citizen, per kind of message, and the button that asks
 * for more. In the mini-program the button calls `wx.requestSubscribeMessage` right in
 * the tap (WeChat refuses it otherwise), one call per group of at most three templates
 * of one kind, and reports the answers. The browser (h5) has no such call, so there is
 * no button: it says where to do it. (A development-only fake 'accept' was considered
 * and left out: it would make the server count a permission WeChat never gave, and the
 * e2e server has no templates configured to exercise it with anyway.)
 */
function ConsentSection() {
  const [state, setState] = useState<ConsentState>({ kind: 'loading' })
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')

  const load = () => {
    setState({ kind: 'loading' })
    asCitizen((c) => c.call('getConsents', {})).then(
      (consents) => setState({ kind: 'ready', consents }),
      (err: unknown) => setState({ kind: 'failed', message: errorMessage(err) }),
    )
  }
  useEffect(load, [])

  const ask = (request: SubscribeRequest) => {
    if (busy) return
    setBusy(true)
    setMessage('')
    // Called at once, inside the tap handler: nothing may be awaited before it.
    Taro.requestSubscribeMessage({ tmplIds: request.templateIds, entityIds: [] } as never)
      .then(
        async (answer) => {
          const results = consentResults(request.templateIds, answer as unknown as Record<string, unknown>)
          if (results.length === 0) return setMessage(consentOutcome(results))
          try {
            const consents = await asCitizen((c) => c.call('recordConsents', { body: { results } }))
            setState({ kind: 'ready', consents })
            setMessage(consentOutcome(results))
          } catch (err) {
            setMessage(errorMessage(err, '记录失败，请稍后再试'))
          }
        },
        (err: unknown) => setMessage(subscribeFailureMessage(err)),
      )
      .finally(() => setBusy(false))
  }

  return (
    <Section title='微信提醒' className='sub-consent'>
      <View data-testid='consents'>
        {state.kind === 'loading' && <Loading text='正在查看微信提醒…' />}
        {state.kind === 'failed' && <Failure message={state.message} onRetry={load} />}
        {state.kind === 'ready' && !state.consents.wechatConfigured ? (
          <Text className='plain' data-testid='wechat-off'>
            现在不发微信提醒。发给您的消息都会放在“我的消息”里，打开本小程序就能看到。
          </Text>
        ) : null}
        {state.kind === 'ready' && state.consents.wechatConfigured ? (
          <>
            {IN_WECHAT && state.consents.consents.some((c) => c.templateKind === 'one-time') ? (
              <Text className='me-hint'>微信规定：每同意一次，只能给您发 1 条提醒。想多收到几条，可以多点几次下面的按钮。没有提醒时，消息也会放在“我的消息”里。</Text>
            ) : null}
            {state.consents.consents.map((c) => (
              <View key={c.kind} className='sub-consent-row' data-kind={c.kind} data-state={c.state}>
                <Text className='sub-consent-name'>{c.name}</Text>
                <Text className='sub-consent-text'>{c.text}</Text>
              </View>
            ))}
            {IN_WECHAT ? (
              subscribeRequests(state.consents.consents).map((r, i, all) => (
                <View key={r.templateIds.join(',')} className={'btn me-button sub-consent-button' + (busy ? ' me-busy' : '')} role='button' data-testid='consent-button' onClick={() => ask(r)}>
                  <Text>{i === 0 ? consentButtonLabel(state.consents.consents) : '再开启'}{all.length > 1 ? `：${r.names.join('、')}` : ''}</Text>
                </View>
              ))
            ) : (
              <Text className='plain' data-testid='consent-in-weapp'>
                微信提醒要在微信里开启：在微信里打开本小程序，进入“我的订阅”，点“继续接收提醒”。在网页上，消息都放在“我的消息”里。
              </Text>
            )}
          </>
        ) : null}
        {message ? (
          <View className='me-notice sub-consent-message' role='status'>
            <Text>{message}</Text>
          </View>
        ) : null}
      </View>
    </Section>
  )
}
