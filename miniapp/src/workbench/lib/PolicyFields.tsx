import { Input, Text, Textarea, View } from '@tarojs/components'
import { TOPICS, type TopicCode } from '@zw/shared'
import type { PolicyForm } from './draftForm'

/** The fields of the simple policy form. */
export function PolicyFields({ form, onChange }: { form: PolicyForm; onChange: (f: PolicyForm) => void }) {
  const set = (patch: Partial<PolicyForm>) => onChange({ ...form, ...patch })
  return (
    <View>
      <View className='wb-field'>
        <Text className='wb-label'>标题</Text>
        <Input className='wb-input' aria-label='标题' value={form.title} onInput={(e) => set({ title: e.detail.value })} />
      </View>
      <View className='wb-field'>
        <Text className='wb-label'>文号（没有可不填）</Text>
        <Input className='wb-input' aria-label='文号' value={form.docNumber} onInput={(e) => set({ docNumber: e.detail.value })} />
      </View>
      <View className='wb-field'>
        <Text className='wb-label'>主题分类</Text>
        <View className='wb-chips'>
          {TOPICS.map((t) => (
            <View key={t.code} className={'wb-chip' + (form.topic === t.code ? ' wb-chip-on' : '')} role='radio' aria-checked={form.topic === t.code} onClick={() => set({ topic: t.code as TopicCode })}>
              <Text>{t.name}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='wb-field'>
        <Text className='wb-label'>摘要</Text>
        <Input className='wb-input' aria-label='摘要' value={form.summary} onInput={(e) => set({ summary: e.detail.value })} />
      </View>
      <View className='wb-field'>
        <Text className='wb-label'>正文（每行一段）</Text>
        <Textarea className='wb-textarea' aria-label='正文' maxlength={-1} value={form.bodyText} onInput={(e) => set({ bodyText: e.detail.value })} />
      </View>
      <View className={'wb-check' + (form.needsInterpretation ? ' wb-check-on' : '')} role='checkbox' aria-checked={form.needsInterpretation} onClick={() => set({ needsInterpretation: !form.needsInterpretation })}>
        <Text>{form.needsInterpretation ? '☑' : '☐'} 须同步发布政策解读（三同步：解读审核通过后与本文件一同发布）</Text>
      </View>
    </View>
  )
}
