import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { errorMessage } from '@/lib/errors'
import { policyDraftOf, type PolicyForm } from '../../lib/draftForm'
import { PolicyFields } from '../../lib/PolicyFields'
import { asStaff, savedSession } from '../../lib/session'
import '../index/index.css'

/** 新建政策文件: the first edition of a new item, saved as a draft of the editor's department. */
export default function NewPolicy() {
  const staff = savedSession()?.staff
  const [form, setForm] = useState<PolicyForm>({ title: '', summary: '', bodyText: '', topic: 'employment-subsidies', docNumber: '', needsInterpretation: false, attachments: [] })
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const save = async () => {
    setBusy(true)
    setError('')
    try {
      const edition = await asStaff((c) => c.call('createItemDraft', { body: policyDraftOf(form, staff.department) }))
      await Taro.redirectTo({ url: `/workbench/pages/edition/index?id=${edition.id}` })
    } catch (err) {
      setError(errorMessage(err, '保存失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='workbench'>
      <Text className='workbench-title'>新建政策文件</Text>
      <Text className='workbench-text'>{staff.departmentName}</Text>
      <PolicyFields form={form} onChange={setForm} />
      {error ? <View className='wb-error' role='alert'><Text>{error}</Text></View> : null}
      <View className={'wb-button' + (busy ? ' wb-busy' : '')} role='button' onClick={busy ? undefined : save}>
        <Text>保存草稿</Text>
      </View>
    </View>
  )
}
