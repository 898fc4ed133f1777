import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { DISTRIBUTION_CHANNEL_LABELS, DISTRIBUTION_CHANNELS, formatShanghaiDateTime, OA_ACCOUNT_KIND_LABELS, OA_ACCOUNT_KINDS, type ChannelAccount, type DistributionChannel, type OaAccountKind } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

interface Form {
  name: string
  defaultOn: boolean
  linkBase: string
  appId: string
  appSecret: string
  accessToken: string
  oaKind: OaAccountKind
}
const EMPTY: Form = { name: '', defaultOn: true, linkBase: '', appId: '', appSecret: '', accessToken: '', oaKind: 'subscription' }

/**
 * 渠道账号: the department's 微信公众号 and 微博. Everyone of the department sees which are
 * connected; the department admin connects them. Credentials are write-only: the page never
 * shows them, and leaving them empty keeps the stored ones.
 */
export default function ChannelsPage() {
  const staff = savedSession()?.staff
  const [accounts, setAccounts] = useState<ChannelAccount[]>([])
  const [editing, setEditing] = useState<DistributionChannel>()
  const [form, setForm] = useState<Form>(EMPTY)
  const [error, setError] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const [done, setDone] = useState('')
  const [busy, setBusy] = useState(false)
  const admin = staff?.roles.includes('department-admin') ?? false

  useEffect(() => {
    asStaff((c) => c.call('listChannelAccounts', {}))
      .then((r) => setAccounts(r.items))
      .catch((err: unknown) => setError(errorMessage(err)))
  }, [])

  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const edit = (c: DistributionChannel) => {
    const a = accounts.find((x) => x.channel === c)
    setEditing(c)
    setFields({})
    setForm({ ...EMPTY, name: a?.name ?? '', defaultOn: a?.defaultOn ?? true, linkBase: a?.linkBase ?? '', oaKind: a?.oaKind ?? 'subscription' })
  }
  const save = async () => {
    if (!editing) return
    setBusy(true)
    setError('')
    setFields({})
    setDone('')
    const credentials =
      editing === 'official-account'
        ? form.appId || form.appSecret
          ? { kind: 'official-account' as const, appId: form.appId, appSecret: form.appSecret }
          : undefined
        : form.accessToken
          ? { kind: 'weibo' as const, accessToken: form.accessToken }
          : undefined
    try {
      const r = await asStaff((c) => c.call('saveChannelAccount', { params: { channel: editing }, body: { name: form.name, defaultOn: form.defaultOn, ...(form.linkBase.trim() ? { linkBase: form.linkBase.trim() } : {}), ...(editing === 'official-account' ? { oaKind: form.oaKind } : {}), ...(credentials ? { credentials } : {}) } }))
      setAccounts(r.items)
      setEditing(undefined)
      setForm(EMPTY)
      setDone('已保存；凭据已加密保存，不再显示')
    } catch (err) {
      const f = (err as { fields?: { path: string; message: string }[] }).fields
      if (f?.length) setFields(Object.fromEntries(f.map((x) => [x.path, x.message])))
      setError(errorMessage(err, '保存失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  const input = (label: string, key: keyof Form, path: string, o: { password?: boolean; placeholder?: string } = {}) => (
    <View key={key}>
      <Text className='wb-label'>{label}</Text>
      <Input className='wb-input' aria-label={label} password={o.password} placeholder={o.placeholder} value={String(form[key])} onInput={(e) => setForm({ ...form, [key]: e.detail.value })} />
      {fields[path] ? <View className='wb-error' role='alert'><Text>{fields[path]}</Text></View> : null}
    </View>
  )
  return (
    <View className='workbench'>
      <Text className='workbench-title'>渠道账号</Text>
      <Text className='workbench-text'>内容审核通过发布后，可同时发送到本部门的微信公众号和微博；发布情况计入该账号的更新频次。</Text>
      {DISTRIBUTION_CHANNELS.map((c) => {
        const a = accounts.find((x) => x.channel === c)
        return (
          <View key={c} className='wb-card' data-channel={c}>
            <Text className='wb-label'>{DISTRIBUTION_CHANNEL_LABELS[c]}</Text>
            {a ? (
              <Text className='workbench-text'>
                {a.name}{a.oaKind ? `（${OA_ACCOUNT_KIND_LABELS[a.oaKind]}，${a.oaKind === 'service' ? '每月可群发 4 次' : '每天可群发 1 次'}）` : ''} · {a.hasCredentials ? '已连接' : '未填写凭据'} · 新内容{a.defaultOn ? '默认发布' : '默认不发布'}
                {a.linkBase ? ` · 链接域名 ${a.linkBase}` : ''} · {formatShanghaiDateTime(a.updatedAt)} 更新
              </Text>
            ) : (
              <Text className='workbench-text'>未连接</Text>
            )}
            {admin && editing !== c ? (
              <View className='wb-button wb-secondary' role='button' onClick={() => edit(c)}>
                <Text>{a ? '修改' : '连接'}</Text>
              </View>
            ) : null}
            {editing === c ? (
              <View>
                {input('账号名称', 'name', 'name')}
                {c === 'official-account' ? input('公众号 AppID', 'appId', 'credentials.appId', { placeholder: a?.hasCredentials ? '已保存（不显示），留空则不修改' : 'wx 开头' }) : null}
                {c === 'official-account' ? input('公众号 AppSecret', 'appSecret', 'credentials.appSecret', { password: true, placeholder: a?.hasCredentials ? '已保存（不显示），留空则不修改' : '' }) : null}
                {c === 'weibo' ? input('微博 access_token', 'accessToken', 'credentials.accessToken', { password: true, placeholder: a?.hasCredentials ? '已保存（不显示），留空则不修改' : '' }) : null}
                {input(c === 'weibo' ? '绑定的安全域名网址' : '原文链接网址（可选）', 'linkBase', 'linkBase', { placeholder: 'https://www.example.gov.cn' })}
                {c === 'official-account' ? (
                  <View className='wb-chips' role='radiogroup' aria-label='公众号类型'>
                    {OA_ACCOUNT_KINDS.map((k) => (
                      <View key={k} className={'wb-chip' + (form.oaKind === k ? ' wb-chip-on' : '')} role='radio' aria-checked={form.oaKind === k} onClick={() => setForm({ ...form, oaKind: k })}>
                        <Text>{OA_ACCOUNT_KIND_LABELS[k]}</Text>
                      </View>
                    ))}
                  </View>
                ) : null}
                {fields.oaKind ? <View className='wb-error' role='alert'><Text>{fields.oaKind}</Text></View> : null}
                <View className='wb-chips' role='radiogroup' aria-label='新内容默认'>
                  {[true, false].map((on) => (
                    <View key={String(on)} className={'wb-chip' + (form.defaultOn === on ? ' wb-chip-on' : '')} role='radio' aria-checked={form.defaultOn === on} onClick={() => setForm({ ...form, defaultOn: on })}>
                      <Text>{on ? '新内容默认发布' : '新内容默认不发布'}</Text>
                    </View>
                  ))}
                </View>
                <View className={'wb-button' + (busy ? ' wb-busy' : '')} role='button' onClick={busy ? undefined : () => void save()}>
                  <Text>保存</Text>
                </View>
              </View>
            ) : null}
          </View>
        )
      })}
      {done ? <View className='wb-ok' role='status'><Text>{done}</Text></View> : null}
      <ErrorNotice error={error} />
    </View>
  )
}
