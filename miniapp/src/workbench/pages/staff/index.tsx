import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffAccount, type StaffRole } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { DoneNotice, ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

/**
 * 账号管理 (department admins for their department, platform admins for all): the accounts,
 * with 解除锁定, 强制下线 (end every session), 停用 / 启用, and a form for a new account.
 */
export default function StaffPage() {
  const me = savedSession()?.staff
  const [accounts, setAccounts] = useState<StaffAccount[]>()
  const [form, setForm] = useState({ username: '', displayName: '', password: '', roles: ['editor'] as StaffRole[] })
  const [message, setMessage] = useState('')
  // Roles being changed, per account (saved with 保存角色).
  const [roleEdits, setRoleEdits] = useState<Record<string, StaffRole[]>>({})
  const [error, setError] = useState('')
  const load = () =>
    asStaff((c) => c.call('listStaff', { query: { department: me?.department as never } }))
      .then((r) => setAccounts(r.items))
      .catch((err: unknown) => setError(errorMessage(err)))
  useEffect(() => {
    void load()
  }, [])
  if (!me) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const act = async (run: () => Promise<unknown>, done: string) => {
    setError('')
    setMessage('')
    try {
      await run()
      setMessage(done)
      await load()
    } catch (err) {
      setError(errorMessage(err, '操作失败，请稍后再试'))
    }
  }
  const roleChoices = STAFF_ROLES.filter((r) => r !== 'platform-admin' || me.roles.includes('platform-admin'))
  return (
    <View className='workbench'>
      <Text className='workbench-title'>账号管理</Text>
      <Text className='workbench-text'>{me.departmentName}</Text>
      {accounts?.map((a) => {
        const locked = !!a.lockedUntil
        return (
          <View key={a.id} className='wb-card' data-testid='staff-row' data-username={a.username}>
            <Text className='wb-name'>{a.displayName}（{a.username}）</Text>
            <Text className='workbench-text'>
              {a.roles.map((r) => STAFF_ROLE_LABELS[r]).join('、')}
              {a.disabled ? ' · 已停用' : ''}
              {locked ? ' · 登录已锁定' : ''}
              {a.wechatBound ? ' · 已绑定微信' : ''}
            </Text>
            <View className='wb-chips' role='group' aria-label={`${a.displayName}的角色`}>
              {roleChoices.map((r) => {
                const roles = roleEdits[a.id] ?? a.roles
                return (
                  <View key={r} className={'wb-chip' + (roles.includes(r) ? ' wb-chip-on' : '')} role='checkbox' aria-checked={roles.includes(r)} onClick={() => setRoleEdits({ ...roleEdits, [a.id]: roles.includes(r) ? roles.filter((x) => x !== r) : [...roles, r] })}>
                    <Text>{STAFF_ROLE_LABELS[r]}</Text>
                  </View>
                )
              })}
            </View>
            {roleEdits[a.id] ? (
              <View
                className='wb-button'
                role='button'
                onClick={() =>
                  void act(async () => {
                    await asStaff((c) => c.call('setStaffRoles', { params: { id: a.id }, body: { roles: roleEdits[a.id]! } }))
                    const { [a.id]: _done, ...rest } = roleEdits
                    setRoleEdits(rest)
                  }, `已调整 ${a.displayName} 的角色`)
                }
              >
                <Text>保存角色</Text>
              </View>
            ) : null}
            {locked ? (
              <View className='wb-button wb-secondary' role='button' onClick={() => void act(() => asStaff((c) => c.call('unlockStaff', { params: { id: a.id } })), `已解除 ${a.displayName} 的登录锁定`)}>
                <Text>解除锁定</Text>
              </View>
            ) : null}
            <View className='wb-button wb-secondary' role='button' onClick={() => void act(() => asStaff((c) => c.call('revokeStaffSessions', { params: { id: a.id } })), `${a.displayName} 的所有登录已失效`)}>
              <Text>强制下线</Text>
            </View>
            {a.id !== me.id ? (
              <View
                className='wb-button wb-secondary'
                role='button'
                onClick={() => void act(() => asStaff((c) => c.call('setStaffDisabled', { params: { id: a.id }, body: { disabled: !a.disabled } })), a.disabled ? `已启用 ${a.displayName}` : `已停用 ${a.displayName}`)}
              >
                <Text>{a.disabled ? '启用' : '停用'}</Text>
              </View>
            ) : null}
          </View>
        )
      })}
      <View className='wb-card'>
        <Text className='wb-label'>新建账号（{me.departmentName}）</Text>
        <Input className='wb-input' aria-label='新账号用户名' placeholder='用户名（小写字母、数字、点）' value={form.username} onInput={(e) => setForm({ ...form, username: e.detail.value })} />
        <Input className='wb-input' aria-label='新账号姓名' placeholder='姓名' value={form.displayName} onInput={(e) => setForm({ ...form, displayName: e.detail.value })} />
        <Input className='wb-input' password aria-label='初始密码' placeholder='初始密码（至少 10 位，含字母和数字）' value={form.password} onInput={(e) => setForm({ ...form, password: e.detail.value })} />
        <View className='wb-chips' role='group' aria-label='角色'>
          {roleChoices.map((r) => (
            <View key={r} className={'wb-chip' + (form.roles.includes(r) ? ' wb-chip-on' : '')} role='checkbox' aria-checked={form.roles.includes(r)} onClick={() => setForm({ ...form, roles: form.roles.includes(r) ? form.roles.filter((x) => x !== r) : [...form.roles, r] })}>
              <Text>{STAFF_ROLE_LABELS[r]}</Text>
            </View>
          ))}
        </View>
        <View
          className='wb-button'
          role='button'
          onClick={() =>
            void act(async () => {
              await asStaff((c) => c.call('createStaff', { body: { username: form.username.trim(), displayName: form.displayName.trim(), department: me.department as never, roles: form.roles, password: form.password } }))
              setForm({ username: '', displayName: '', password: '', roles: ['editor'] })
            }, '账号已建立，请把用户名和初始密码当面交给本人')
          }
        >
          <Text>新建账号</Text>
        </View>
      </View>
      <DoneNotice message={message} />
      <ErrorNotice error={error} />
    </View>
  )
}
