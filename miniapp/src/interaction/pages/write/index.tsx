import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { DEPARTMENTS, MESSAGE_CATEGORIES } from '@zw/shared'
import { Page } from '@/components/Page'
import { Section } from '@/components/Section'
import { myMessagePath } from '@/lib/citizenPages'
import { asCitizen, hasCitizenSession, IN_WECHAT, ME_PATH } from '@/lib/citizenSession'
import { consentResults } from '@/lib/citizenPush'
import { fieldMessages } from '@/lib/errors'
import { decodeParam, openPage } from '@/lib/routes'
import { Choices, PublicChoice } from '../../lib/Choices'
import { blankMessage, messageBody, replyConsentTemplate, typingWarning, type MessageForm } from '../../lib/forms'
import '../interaction.css'

const DEPARTMENT_OPTIONS = Object.fromEntries(DEPARTMENTS.map((d) => [d.code, d.name])) as Record<MessageForm['department'], string>

/**
 * 写留言: to a department, 咨询 / 建议 / 投诉, optionally about the item it was opened from.
 * While typing, numbers that are personal data are pointed out (hidden when public). The
 * server checks the text; the answer is due within the department's working days.
 */
export default function WriteMessage() {
  const params = useRouter().params
  const itemId = params.itemId
  const itemTitle = decodeParam(params.itemTitle)
  const [f, setF] = useState<MessageForm>(blankMessage)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof MessageForm>(k: K, v: MessageForm[K]) => {
    setF((x) => ({ ...x, [k]: v }))
    setErrors((e) => ({ ...e, [k]: '' }))
  }
  const warning = typingWarning(f)
  // In WeChat: the template to ask consent for with the tap that sends, so the answer can be a WeChat reminder.
  const [replyTemplate, setReplyTemplate] = useState<string | null>(null)
  useEffect(() => {
    if (IN_WECHAT && hasCitizenSession()) asCitizen((c) => c.call('getConsents', {})).then((r) => setReplyTemplate(replyConsentTemplate(r.consents)), () => undefined)
  }, [])
  /** Asks in the tap itself (WeChat refuses otherwise) and records the answer; the message goes either way. */
  const askConsent = (): Promise<unknown> => {
    if (!replyTemplate) return Promise.resolve()
    return Taro.requestSubscribeMessage({ tmplIds: [replyTemplate], entityIds: [] } as never)
      .then((answer) => {
        const results = consentResults([replyTemplate], answer as unknown as Record<string, unknown>)
        return results.length ? asCitizen((c) => c.call('recordConsents', { body: { results } })) : undefined
      })
      .catch(() => undefined)
  }
  const submit = async () => {
    if (busy) return
    if (!hasCitizenSession()) {
      setErrors({ other: '请先在“我的”页面登录，再写留言。' })
      return
    }
    const consent = askConsent()
    setBusy(true)
    try {
      await consent
      const created = await asCitizen((c) => c.call('submitMessage', { body: messageBody(f, itemId) }))
      void Taro.redirectTo({ url: myMessagePath(created.id) })
    } catch (err) {
      setErrors(fieldMessages(err))
      setBusy(false)
    }
  }
  const error = (k: string) => (errors[k] ? <View className='ia-error' role='alert' data-error={k}>{errors[k]}</View> : null)
  return (
    <Page>
      <View className='ia-title' role='heading' aria-level={1}>写留言</View>
      <Text className='ia-hint'>咨询一般 5 个工作日内答复，建议和投诉一般 15 个工作日内答复。请不要在留言中填写与问题无关的个人信息。</Text>
      {itemTitle ? <Text className='ia-row-meta' data-testid='about-item'>关于：{itemTitle}</Text> : null}
      <Section title='写给谁'>
        <Choices label='部门' field='department' options={DEPARTMENT_OPTIONS} value={f.department} onChange={(v) => set('department', v)} />
        {error('department')}
        <Choices label='留言类型' field='category' options={MESSAGE_CATEGORIES} value={f.category} onChange={(v) => set('category', v)} />
      </Section>
      <Section title='留言内容'>
        <View className='ia-field'>
          <Text className='ia-label'>标题</Text>
          <Input className='ia-input' aria-label='标题' data-field='title' maxlength={40} value={f.title} onInput={(e) => set('title', e.detail.value)} />
          {error('title')}
        </View>
        <View className='ia-field'>
          <Text className='ia-label'>内容</Text>
          <Textarea className='ia-textarea' aria-label='留言内容' data-field='text' maxlength={1500} value={f.text} onInput={(e) => set('text', e.detail.value)} />
          {error('text')}
        </View>
        <PublicChoice label='答复后是否公开' value={f.public} onChange={(v) => set('public', v)} yes='同意公开（隐去个人信息）' no='不公开' />
        {warning ? <View className='ia-warn' role='status' data-testid='personal-data-warning'>{warning}</View> : null}
      </Section>
      {errors.other ? (
        <View className='ia-error' role='alert'>
          {errors.other}
          {!hasCitizenSession() ? <View className='btn btn-plain' role='button' onClick={() => openPage(ME_PATH)}><Text>去登录</Text></View> : null}
        </View>
      ) : null}
      <View className={'btn' + (busy ? ' me-busy' : '')} role='button' data-testid='submit-message' onClick={() => void submit()}>
        <Text>{busy ? '正在提交…' : '提交留言'}</Text>
      </View>
    </Page>
  )
}
