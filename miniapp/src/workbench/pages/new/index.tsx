import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CONTENT_TYPE_LABELS, type ContentDraftInput, type ContentType, type DistributionChannel } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { newPolicyForm, policyDraftOf, type PolicyForm } from '../../lib/draftForm'
import { GuideFields } from '../../lib/GuideFields'
import { InterpretationFields } from '../../lib/InterpretationFields'
import { PolicyFields } from '../../lib/PolicyFields'
import { asStaff, savedSession } from '../../lib/session'
import { newGuide, newInterpretation, type GuideDraft, type InterpretationDraft } from '../../lib/typedDrafts'
import { ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

/** 新建: the first edition of a new policy, interpretation or service guide, saved as a draft of the editor's department. */
export default function NewItem() {
  const staff = savedSession()?.staff
  const [type, setType] = useState<ContentType>('policy')
  const [form, setForm] = useState<PolicyForm>(() => newPolicyForm(staff?.department ?? ''))
  const [interpretation, setInterpretation] = useState<InterpretationDraft>(() => newInterpretation(staff?.department ?? ''))
  const [guide, setGuide] = useState<GuideDraft>(() => newGuide(staff?.department ?? ''))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  // 两微: a new item starts with the channels the department turned on by default (changed on the edition page, reviewed with it).
  const [defaultChannels, setDefaultChannels] = useState<DistributionChannel[]>([])
  useEffect(() => {
    if (!staff) return
    asStaff((c) => c.call('listChannelAccounts', {}))
      .then((r) => setDefaultChannels(r.items.filter((a) => a.defaultOn && a.hasCredentials).map((a) => a.channel)))
      .catch(() => setDefaultChannels([]))
  }, [])
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const draft = (): ContentDraftInput => (type === 'policy' ? policyDraftOf(form, staff.department) : type === 'interpretation' ? interpretation : guide)
  const save = async () => {
    setBusy(true)
    setError('')
    try {
      const edition = await asStaff((c) => c.call('createItemDraft', { body: { ...draft(), ...(defaultChannels.length ? { distribution: { channels: defaultChannels } } : {}) } }))
      await Taro.redirectTo({ url: `/workbench/pages/edition/index?id=${edition.id}` })
    } catch (err) {
      setError(errorMessage(err, '保存失败，请稍后再试'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='workbench'>
      <Text className='workbench-title'>新建{CONTENT_TYPE_LABELS[type]}</Text>
      <Text className='workbench-text'>{staff.departmentName}</Text>
      <View className='wb-chips' role='radiogroup' aria-label='内容类型'>
        {(['policy', 'interpretation', 'guide'] as const).map((t) => (
          <View key={t} className={'wb-chip' + (type === t ? ' wb-chip-on' : '')} role='radio' aria-checked={type === t} onClick={() => setType(t)}>
            <Text>{CONTENT_TYPE_LABELS[t]}</Text>
          </View>
        ))}
      </View>
      {type === 'policy' ? <PolicyFields form={form} onChange={setForm} /> : null}
      {type === 'interpretation' ? <InterpretationFields draft={interpretation} onChange={setInterpretation} /> : null}
      {type === 'guide' ? <GuideFields draft={guide} onChange={setGuide} /> : null}
      <ErrorNotice error={error} />
      <View className={'wb-button' + (busy ? ' wb-busy' : '')} role='button' onClick={busy ? undefined : save}>
        <Text>保存草稿</Text>
      </View>
    </View>
  )
}
