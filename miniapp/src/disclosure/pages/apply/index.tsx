import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { APPLICANT_KINDS, DEPARTMENTS, DISCLOSURE_APPLICATION_MAX_FILES, DISCLOSURE_DELIVERIES, DISCLOSURE_FORMS, ID_DOCUMENT_TYPES, type DisclosureAttachment } from '@zw/shared'
import { Page } from '@/components/Page'
import { Section } from '@/components/Section'
import { asCitizen, hasCitizenSession } from '@/lib/citizenSession'
import { PickedFiles, withoutFileMessages } from '../../lib/PickedFiles'
import { blankForm, disclosureDetailPath, fieldMessages, type ApplyForm } from '../../lib/form'
import '../disclosure.css'

type Key = keyof ApplyForm

function Choices<K extends string>({ label, options, value, onChange, field }: { label: string; options: Record<K, string>; value: K; onChange: (v: K) => void; field: string }) {
  return (
    <View className='dis-field'>
      <Text className='dis-label'>{label}</Text>
      <View className='dis-choices' role='radiogroup' aria-label={label} data-field={field}>
        {(Object.keys(options) as K[]).map((k) => (
          <View key={k} className={'dis-choice' + (value === k ? ' dis-choice-on' : '')} role='radio' aria-checked={value === k} data-value={k} onClick={() => onChange(k)}>
            <Text>{options[k]}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/**
 * 申请政府信息公开: who is asking (ID number checked on the server with the GB 11643
 * checksum, shown masked afterwards), what information, in which form and how to get it.
 * On success the tracking number and the deadline are shown on the application's page.
 */
export default function ApplyPage() {
  const [f, setF] = useState<ApplyForm>(blankForm)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [files, setFiles] = useState<DisclosureAttachment[]>([])
  const set = <K extends Key>(k: K, v: ApplyForm[K]) => {
    setF((x) => ({ ...x, [k]: v }))
    setErrors((e) => ({ ...e, [k]: '' }))
  }
  const text = (k: Key, label: string, hint?: string, type: 'text' | 'idcard' | 'number' = 'text') => (
    <View className='dis-field'>
      <Text className='dis-label'>{label}</Text>
      {hint ? <Text className='dis-hint'>{hint}</Text> : null}
      <Input className='dis-input' type={type} aria-label={label} data-field={k} value={String(f[k])} onInput={(e) => set(k, e.detail.value as never)} />
      {errors[k] ? <View className='dis-error' role='alert' data-error={k}>{errors[k]}</View> : null}
    </View>
  )
  // Files are uploaded as they are picked (private to the applicant until sent with the application).
  const addFile = (added: DisclosureAttachment) => setFiles((x) => [...x, added])
  const removeFile = (i: number) => {
    setFiles((x) => x.filter((_, j) => j !== i))
    setErrors(withoutFileMessages)
  }
  const submit = async () => {
    if (busy) return
    if (!hasCitizenSession()) {
      setErrors({ other: '请先在“我的”页面登录，再提交申请。' })
      return
    }
    setBusy(true)
    try {
      const created = await asCitizen((c) => c.call('submitDisclosure', { body: { ...f, attachments: files.map((a) => a.id) } }))
      void Taro.redirectTo({ url: disclosureDetailPath(created.id) })
    } catch (err) {
      setErrors(fieldMessages(err))
      setBusy(false)
    }
  }
  return (
    <Page>
      <View className='dis-title' role='heading' aria-level={1}>申请政府信息公开</View>
      <Text className='dis-hint'>根据《政府信息公开条例》，您可以向行政机关申请获取政府信息。一般在收到申请之日起 20 个工作日内答复。</Text>
      <Section title='向哪个机关申请'>
        <Choices label='受理机关' field='department' options={Object.fromEntries(DEPARTMENTS.map((d) => [d.code, d.name])) as Record<ApplyForm['department'], string>} value={f.department} onChange={(v) => set('department', v)} />
      </Section>
      <Section title='申请人'>
        <Choices label='申请人类型' field='applicantKind' options={APPLICANT_KINDS} value={f.applicantKind} onChange={(v) => set('applicantKind', v)} />
        {text('name', f.applicantKind === 'citizen' ? '姓名' : '单位名称')}
        <Choices label='证件类型' field='idType' options={ID_DOCUMENT_TYPES} value={f.idType} onChange={(v) => set('idType', v)} />
        {text('idNumber', '证件号码', '证件号码加密保存，页面上只显示部分号码。', f.idType === 'resident-id' ? 'idcard' : 'text')}
        {f.applicantKind === 'organisation' ? text('contactPerson', '联系人') : null}
        {text('phone', '联系电话', undefined, 'number')}
        {text('address', '通信地址', '选择邮寄时必填')}
        {text('email', '电子邮箱', '选择电子邮件时必填')}
      </Section>
      <Section title='所需信息'>
        <View className='dis-field'>
          <Text className='dis-label'>所需政府信息的名称或内容描述</Text>
          <Text className='dis-hint'>尽量写清文件名称、文号、年份或地区，便于查找。</Text>
          <Textarea className='dis-textarea' aria-label='所需信息' data-field='description' maxlength={2000} value={f.description} onInput={(e) => set('description', e.detail.value)} />
          {errors.description ? <View className='dis-error' role='alert' data-error='description'>{errors.description}</View> : null}
        </View>
        {text('purpose', '用途（可不填）')}
        <Choices label='提供形式' field='form' options={DISCLOSURE_FORMS} value={f.form} onChange={(v) => set('form', v)} />
        <Choices label='获取方式' field='delivery' options={DISCLOSURE_DELIVERIES} value={f.delivery} onChange={(v) => set('delivery', v)} />
      </Section>
      <Section title='附件（可选）'>
        <Text className='dis-hint'>可附上申请材料的文件或照片（PDF、Word、Excel、OFD、图片），最多 {DISCLOSURE_APPLICATION_MAX_FILES} 个，每个不超过 20 MB。附件只有您和办理机关能看到。</Text>
        <PickedFiles files={files} onAdd={addFile} onRemove={removeFile} errors={errors} label='添加附件（可选）' />
      </Section>
      {errors.other ? <View className='dis-error' role='alert'>{errors.other}</View> : null}
      {Object.entries(errors).some(([k, v]) => v && k !== 'other') ? <View className='dis-error' role='alert' data-testid='form-errors'>请按红色提示修改后再提交。</View> : null}
      <View className={'btn' + (busy ? ' me-busy' : '')} role='button' data-testid='submit-application' onClick={() => void submit()}>
        <Text>{busy ? '正在提交…' : '提交申请'}</Text>
      </View>
    </Page>
  )
}
