import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ApiClientError, CITIZEN_GROUPS, type CitizenProfile } from '@zw/shared'
import { ElderSwitch } from '@/components/ElderSwitch'
import { Page } from '@/components/Page'
import { RegionPicker } from '@/components/RegionPicker'
import { Section } from '@/components/Section'
import { Failure, Loading } from '@/components/StateViews'
import { UnreadBadge } from '@/components/UnreadBadge'
import { CONSULTATIONS_PATH, DISCLOSURE_MINE_PATH, INBOX_PATH, MY_MESSAGES_PATH, SUBSCRIPTIONS_PATH } from '@/lib/citizenPages'
import { checkDevName, devLogInMessage, orderedGroups, profileErrors, type ProfileErrors } from '@/lib/citizenProfile'
import { asCitizen, deleteAccount, DEV_LOG_IN, devLogIn, hasCitizenSession, logInWithWeChat, logOut } from '@/lib/citizenSession'
import { errorMessage } from '@/lib/errors'
import { openPage } from '@/lib/routes'
import { useUnreadCount } from '@/lib/useUnreadCount'
import './index.css'
import { CheckTile } from '@/components/CheckTile'

type State =
  | { kind: 'checking' }
  | { kind: 'logged-out'; notice?: string }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; profile: CitizenProfile }

const notLoggedIn = (err: unknown) => err instanceof ApiClientError && err.code === 'UNAUTHENTICATED'

/**
 * 我的: the citizen logs in (WeChat in the mini-program, a 测试账号名 in the browser), then
 * keeps their area and groups — what targeted messages use — or deletes the account.
 */
export default function Me() {
  const [state, setState] = useState<State>(() => (hasCitizenSession() ? { kind: 'checking' } : { kind: 'logged-out' }))
  const unread = useUnreadCount(state.kind === 'ready')

  const load = () => {
    setState({ kind: 'checking' })
    asCitizen((c) => c.call('getCitizenMe', {})).then(
      (profile) => setState({ kind: 'ready', profile }),
      (err: unknown) => setState(notLoggedIn(err) ? { kind: 'logged-out', notice: '登录已过期，请重新登录。' } : { kind: 'failed', message: errorMessage(err) }),
    )
  }
  useEffect(() => {
    if (hasCitizenSession()) load()
  }, [])

  return (
    <Page>
      <View className='me-head'>
        <View className='me-title' role='heading' aria-level={1}>
          我的
        </View>
        <ElderSwitch compact />
      </View>
      {state.kind === 'checking' && <Loading text='正在确认登录状态…' />}
      {state.kind === 'failed' && <Failure message={state.message} onRetry={load} />}
      {state.kind === 'logged-out' && <LogIn notice={state.notice} onLoggedIn={(profile) => setState({ kind: 'ready', profile })} />}
      {state.kind === 'ready' && (
        <Profile
          profile={state.profile}
          unread={unread}
          onLoggedOut={(notice) => setState({ kind: 'logged-out', notice })}
        />
      )}
    </Page>
  )
}

function LogIn({ notice, onLoggedIn }: { notice?: string; onLoggedIn: (profile: CitizenProfile) => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const run = async (logIn: () => Promise<{ citizen: CitizenProfile }>, explain: (err: unknown) => string) => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      onLoggedIn((await logIn()).citizen)
    } catch (err) {
      setError(explain(err))
      setBusy(false)
    }
  }
  const submitName = () => {
    const checked = checkDevName(name)
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    void run(() => devLogIn(checked.name), devLogInMessage)
  }

  return (
    <View className='me-login' data-testid='citizen-login'>
      {notice ? (
        <View className='me-notice' role='status'>
          <Text>{notice}</Text>
        </View>
      ) : null}
      <Section title='登录'>
        <Text className='plain'>看政策不用登录。登录后可以设置您所在的地区和身份，以后方便收到和您有关的政策消息。</Text>
        {DEV_LOG_IN ? (
          <View className='me-field'>
            <Text className='me-label'>测试账号名</Text>
            <Text className='me-hint'>网页版为测试用，请输入 2 到 32 位小写字母、数字或“-”，例如 zhang-san</Text>
            <Input
              className='me-input'
              type='text'
              value={name}
              maxlength={32}
              aria-label='测试账号名'
              placeholder='例如 zhang-san'
              placeholderClass='me-placeholder'
              onInput={(e) => setName(e.detail.value)}
              onConfirm={submitName}
            />
          </View>
        ) : null}
        {error ? (
          <View className='me-error' role='alert'>
            <Text>{error}</Text>
          </View>
        ) : null}
        <View className={'btn me-button' + (busy ? ' me-busy' : '')} role='button' data-testid='login-button' onClick={DEV_LOG_IN ? submitName : () => void run(logInWithWeChat, (err) => errorMessage(err, '微信登录失败，请稍后再试'))}>
          <Text>{busy ? '正在登录…' : DEV_LOG_IN ? '登录' : '微信登录'}</Text>
        </View>
      </Section>
    </View>
  )
}

function Profile({ profile, unread, onLoggedOut }: { profile: CitizenProfile; unread: number | null; onLoggedOut: (notice?: string) => void }) {
  const [region, setRegion] = useState<string | null>(profile.region)
  const [groups, setGroups] = useState<string[]>(profile.groups)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [errors, setErrors] = useState<ProfileErrors>({})

  const changed = () => {
    setSaved(false)
    setErrors({})
  }
  const toggleGroup = (code: string) => {
    changed()
    setGroups((g) => (g.includes(code) ? g.filter((c) => c !== code) : orderedGroups([...g, code])))
  }
  const save = async () => {
    if (saving) return
    setSaving(true)
    changed()
    try {
      const updated = await asCitizen((c) => c.call('updateCitizenProfile', { body: { region, groups: orderedGroups(groups) } }))
      setRegion(updated.region)
      setGroups(updated.groups)
      setSaved(true)
    } catch (err) {
      if (notLoggedIn(err)) onLoggedOut('登录已过期，请重新登录。')
      else setErrors(profileErrors(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='me-profile' data-testid='citizen-profile'>
      <Section title='消息和订阅'>
        <View className='me-row' role='link' data-testid='subscriptions-entry' onClick={() => openPage(SUBSCRIPTIONS_PATH)}>
          <Text className='me-row-label'>我的订阅</Text>
          <Text className='me-row-hint'>选主题和地区</Text>
          <Text className='me-row-arrow' aria-hidden='true'>›</Text>
        </View>
        <View className='me-row' role='link' data-testid='inbox-entry' onClick={() => openPage(INBOX_PATH)}>
          <Text className='me-row-label'>我的消息</Text>
          <Text className='me-row-hint'>收到的政策消息</Text>
          <UnreadBadge count={unread} />
          <Text className='me-row-arrow' aria-hidden='true'>›</Text>
        </View>
      </Section>

      <Section title='政府信息公开'>
        <View className='me-row' role='link' data-testid='disclosure-entry' onClick={() => openPage(DISCLOSURE_MINE_PATH)}>
          <Text className='me-row-label'>我的申请</Text>
          <Text className='me-row-hint'>申请公开、查看答复</Text>
          <Text className='me-row-arrow' aria-hidden='true'>›</Text>
        </View>
      </Section>

      <Section title='互动交流'>
        <View className='me-row' role='link' data-testid='my-messages-entry' onClick={() => openPage(MY_MESSAGES_PATH)}>
          <Text className='me-row-label'>我的留言</Text>
          <Text className='me-row-hint'>咨询、建议、投诉和答复</Text>
          <Text className='me-row-arrow' aria-hidden='true'>›</Text>
        </View>
        <View className='me-row' role='link' data-testid='consultations-entry' onClick={() => openPage(CONSULTATIONS_PATH)}>
          <Text className='me-row-label'>征求意见</Text>
          <Text className='me-row-hint'>对政策草案提意见</Text>
          <Text className='me-row-arrow' aria-hidden='true'>›</Text>
        </View>
      </Section>

      <Section title='所在地区'>
        <Text className='me-hint'>选到哪一级都可以，例如只选到县（区）。</Text>
        <RegionPicker
          value={region}
          onChange={(code) => {
            changed()
            setRegion(code)
          }}
        />
        {errors.region ? (
          <View className='me-error' role='alert' data-field='region'>
            <Text>{errors.region}</Text>
          </View>
        ) : null}
      </Section>

      <Section title='身份类别'>
        <Text className='me-hint'>可以不选，也可以选几个。只用于给您推送相关政策。</Text>
        <View className='group-grid' role='group' aria-label='身份类别'>
          {CITIZEN_GROUPS.map((g) => (
            <CheckTile key={g.code} on={groups.includes(g.code)} label={g.name} data={{ 'data-group': g.code }} onClick={() => toggleGroup(g.code)} />
          ))}
        </View>
        {errors.groups ? (
          <View className='me-error' role='alert' data-field='groups'>
            <Text>{errors.groups}</Text>
          </View>
        ) : null}
      </Section>

      <Section title='手机号'>
        <Text className='plain' data-testid='mobile-state'>
          手机号：{profile.hasMobile ? '已绑定' : '未绑定'}
        </Text>
      </Section>

      {errors.other ? (
        <View className='me-error' role='alert'>
          <Text>{errors.other}</Text>
        </View>
      ) : null}
      {saved ? (
        <View className='me-saved' role='status' data-testid='saved'>
          <Text>已保存</Text>
        </View>
      ) : null}
      <View className={'btn me-button' + (saving ? ' me-busy' : '')} role='button' data-testid='save-button' onClick={() => void save()}>
        <Text>{saving ? '正在保存…' : '保存'}</Text>
      </View>

      <DeleteAccount onDeleted={() => onLoggedOut('账号已注销，您的地区、身份、手机号和订阅都已删除。')} />

      <View className='me-logout' role='button' data-testid='logout-button' onClick={() => { logOut(); onLoggedOut() }}>
        <Text>退出登录</Text>
      </View>
    </View>
  )
}

function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const confirm = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      await deleteAccount()
      onDeleted()
    } catch (err) {
      setError(errorMessage(err, '注销失败，请稍后再试'))
      setBusy(false)
    }
  }
  return (
    <Section title='注销账号' className='me-delete'>
      {!confirming ? (
        <View className='btn btn-plain me-button' role='button' data-testid='delete-account' onClick={() => setConfirming(true)}>
          <Text>注销账号</Text>
        </View>
      ) : (
        <View className='me-confirm' data-testid='delete-confirm'>
          <Text className='me-confirm-title'>确定要注销账号吗？</Text>
          <Text className='plain'>注销后会删除：您选的地区、身份、手机号，以及您的订阅。</Text>
          <Text className='plain'>只保留一个注销人数的统计，里面没有您的任何个人信息。</Text>
          <Text className='plain'>删除后不能恢复。以后再登录，就是一个新账号。</Text>
          {error ? (
            <View className='me-error' role='alert'>
              <Text>{error}</Text>
            </View>
          ) : null}
          <View className={'btn me-button me-danger' + (busy ? ' me-busy' : '')} role='button' data-testid='delete-confirm-button' onClick={() => void confirm()}>
            <Text>{busy ? '正在注销…' : '确认注销'}</Text>
          </View>
          <View className='btn btn-plain me-button' role='button' onClick={() => setConfirming(false)}>
            <Text>不注销了</Text>
          </View>
        </View>
      )}
    </Section>
  )
}
