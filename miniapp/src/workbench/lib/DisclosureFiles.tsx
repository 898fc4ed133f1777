import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DisclosureAttachment } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { useUpload } from '@/lib/useUpload'
import { chooseAndUploadDisclosureFile, openDisclosureFile } from './upload'

const sizeOf = (a: DisclosureAttachment) => `${Math.max(1, Math.round(a.size / 1024))} KB`

/** Private files of an application or a reply: each opens with the staff member's log-in. */
export function DisclosureFileLinks({ files, label, testId }: { files: DisclosureAttachment[]; label: string; testId: string }) {
  const [error, setError] = useState('')
  if (!files.length) return null
  return (
    <View data-testid={testId}>
      <Text className='wb-label'>{label}</Text>
      {files.map((f) => (
        <View key={f.id} className='wb-list-row wb-file-link' role='link' data-testid='file-link' data-id={f.id} onClick={() => void openDisclosureFile(f).then(() => setError(''), (err: unknown) => setError(errorMessage(err, '文件无法打开，请稍后再试')))}>
          <Text>{f.name}（{sizeOf(f)}）</Text>
        </View>
      ))}
      {error ? <View className='wb-error' role='alert'><Text>{error}</Text></View> : null}
    </View>
  )
}

/** 上传文件 for a registration or a reply: uploaded as picked, listed with 移除; the ids go into the request. */
export function DisclosureFileUploads({ label, files, onChange, max }: { label: string; files: DisclosureAttachment[]; onChange: (files: DisclosureAttachment[]) => void; max: number }) {
  const { uploading, error, upload } = useUpload(chooseAndUploadDisclosureFile, (added) => onChange([...files, added]))
  return (
    <View className='wb-field' data-testid='disclosure-uploads'>
      <Text className='wb-label'>{label}</Text>
      {files.map((f, i) => (
        <View key={f.id} className='wb-list-row' data-testid='uploaded-file'>
          <Text>{f.name}（{sizeOf(f)}）</Text>
          <View className='wb-button wb-secondary' role='button' onClick={() => onChange(files.filter((_, j) => j !== i))}>
            <Text>移除</Text>
          </View>
        </View>
      ))}
      {files.length < max ? (
        <View className={'wb-button wb-secondary' + (uploading ? ' wb-busy' : '')} role='button' data-testid='upload-file' onClick={uploading ? undefined : () => void upload()}>
          <Text>{uploading ? '正在上传…' : '上传文件'}</Text>
        </View>
      ) : null}
      {error ? <View className='wb-error' role='alert'><Text>{error}</Text></View> : null}
    </View>
  )
}
