import { Input, Text, Textarea, View } from '@tarojs/components'
import { TOPICS, type TopicCode } from '@zw/shared'
import type { PolicyForm } from './draftForm'
import { chooseAndUploadAttachment } from './upload'
import { UploadList } from './UploadList'

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
        <Text className='wb-label'>发布机构（按文件落款）</Text>
        <Input className='wb-input' aria-label='发布机构' value={form.issuer} onInput={(e) => set({ issuer: e.detail.value })} />
      </View>
      <View className='wb-field'>
        <Text className='wb-label'>成文日期（例如 2026-11-20，不详可不填）</Text>
        <Input className='wb-input' aria-label='成文日期' value={form.writtenOn} onInput={(e) => set({ writtenOn: e.detail.value })} />
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
      <UploadList label='附件（PDF、Word、Excel、OFD、图片等，每个不超过 20 MB）' files={form.attachments} onChange={(attachments) => set({ attachments })} choose={chooseAndUploadAttachment} max={20} button='上传附件' testIds={{ field: 'attachments', row: 'attachment' }} />
      <View className={'wb-check' + (form.needsInterpretation ? ' wb-check-on' : '')} role='checkbox' aria-checked={form.needsInterpretation} onClick={() => set({ needsInterpretation: !form.needsInterpretation })}>
        <Text>{form.needsInterpretation ? '☑' : '☐'} 须同步发布政策解读（三同步：解读审核通过后与本文件一同发布）</Text>
      </View>
      <View className={'wb-check' + (form.important ? ' wb-check-on' : '')} role='checkbox' aria-checked={form.important} onClick={() => set({ important: !form.important })}>
        <Text>{form.important ? '☑' : '☐'} 重要政策措施（每年至少解读 2 次，合规概览中跟踪）</Text>
      </View>
    </View>
  )
}
