import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { can, MESSAGE_CATEGORIES, type InteractionSettings, type MessageCategory, type SensitiveWord } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { Chips, Field } from '../../lib/Fields'
import { asStaff, savedSession } from '../../lib/session'
import { DoneNotice, ErrorNotice } from '../../lib/Notices'
import '../index/index.css'

const LEVELS = [
  { value: 'review', text: '人工审核' },
  { value: 'risky', text: '高风险' },
] as const

/**
 * 留言设置 of the department (answer days per category, whether replies are reviewed by a
 * second person; department admins change them) and the sensitive-word list (platform
 * admins change it; everyone sees what holds a text for moderation).
 */
export default function InteractionSettingsPage() {
  const staff = savedSession()?.staff
  const [settings, setSettings] = useState<InteractionSettings>()
  const [days, setDays] = useState<Record<MessageCategory, string>>({ consultation: '', suggestion: '', complaint: '' })
  const [words, setWords] = useState<SensitiveWord[]>()
  const [message, setMessage] = useState('')
  const [error, setError] = useState('')
  useEffect(() => {
    asStaff((c) => c.call('getInteractionSettings', { query: {} })).then(
      (s) => (setSettings(s), setDays({ consultation: String(s.answerDays.consultation), suggestion: String(s.answerDays.suggestion), complaint: String(s.answerDays.complaint) })),
      () => undefined,
    )
    asStaff((c) => c.call('getSensitiveWords', {})).then((r) => setWords(r.words), (err: unknown) => setError(errorMessage(err)))
  }, [])
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  const configures = can(staff, 'interaction.configure', staff.department)
  const editsWords = can(staff, 'platform.configure')
  const saveSettings = async () => {
    if (!settings) return
    try {
      const saved = await asStaff((c) => c.call('putInteractionSettings', { body: { replyReview: settings.replyReview, answerDays: { consultation: Number(days.consultation), suggestion: Number(days.suggestion), complaint: Number(days.complaint) } } }))
      setSettings(saved)
      setMessage('留言设置已保存，用于此后收到的留言')
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  const saveWords = async () => {
    try {
      const saved = await asStaff((c) => c.call('putSensitiveWords', { body: { words: words ?? [] } }))
      setWords(saved.words)
      setMessage(`敏感词表已保存（${saved.words.length} 个）`)
      setError('')
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  const change = (i: number, patch: Partial<SensitiveWord>) => setWords((w) => (w ?? []).map((x, j) => (j === i ? { ...x, ...patch } : x)))
  return (
    <View className='workbench'>
      <Text className='workbench-title'>留言设置</Text>
      {settings ? (
        <View className='wb-card' data-testid='interaction-settings'>
          <Text className='wb-name'>{settings.departmentName}{settings.isDefault ? '（默认设置）' : ''}</Text>
          {(Object.keys(MESSAGE_CATEGORIES) as MessageCategory[]).map((k) =>
            configures ? <Field key={k} label={`${MESSAGE_CATEGORIES[k]}的答复期限（工作日）`} number value={days[k]} onInput={(v) => setDays((d) => ({ ...d, [k]: v }))} /> : <Text key={k} className='wb-task-meta'>{MESSAGE_CATEGORIES[k]}：{settings.answerDays[k]} 个工作日</Text>,
          )}
          {configures ? (
            <Chips label='答复是否需要他人审核' options={[{ value: 'yes', text: '需要审核' }, { value: 'no', text: '不需要' }]} selected={[settings.replyReview ? 'yes' : 'no']} onToggle={(v) => setSettings({ ...settings, replyReview: v === 'yes' })} />
          ) : (
            <Text className='wb-task-meta'>答复{settings.replyReview ? '需要' : '不需要'}他人审核</Text>
          )}
          {configures ? (
            <View className='wb-button' role='button' onClick={() => void saveSettings()}>
              <Text>保存留言设置</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      <Text className='workbench-title'>敏感词</Text>
      <Text className='workbench-text'>留言和意见中出现这些词（中间夹空格、符号也算），先由审核人员看过再办理；同时经过微信内容安全检查。</Text>
      {(words ?? []).map((w, i) => (
        <View key={i} className='wb-card' data-testid='sensitive-word'>
          {editsWords ? (
            <View>
              <Input className='wb-input' aria-label={`第 ${i + 1} 个敏感词`} value={w.word} onInput={(e) => change(i, { word: e.detail.value })} />
              <Chips label='处理方式' options={LEVELS} selected={[w.level]} onToggle={(v) => change(i, { level: v })} />
              <Input className='wb-input' aria-label={`第 ${i + 1} 个说明`} placeholder='说明（可选）' value={w.note} onInput={(e) => change(i, { note: e.detail.value })} />
              <View className='wb-button wb-secondary' role='button' onClick={() => setWords((x) => (x ?? []).filter((_, j) => j !== i))}>
                <Text>删除</Text>
              </View>
            </View>
          ) : (
            <Text className='workbench-text'>{w.word}（{w.level === 'risky' ? '高风险' : '人工审核'}{w.note ? `，${w.note}` : ''}）</Text>
          )}
        </View>
      ))}
      {editsWords ? (
        <View>
          <View className='wb-button wb-secondary' role='button' onClick={() => setWords([...(words ?? []), { word: '', level: 'review', note: '' }])}>
            <Text>添加敏感词</Text>
          </View>
          <View className='wb-button' role='button' onClick={() => void saveWords()}>
            <Text>保存敏感词表</Text>
          </View>
        </View>
      ) : null}
      <DoneNotice message={message} />
      <ErrorNotice error={error} />
    </View>
  )
}
