import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { DisclosureAttachment } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { chooseAndUploadDisclosureFile, openDisclosureFile } from './upload'
import { uploadedSize, UploadList } from './UploadList'
import { ErrorNotice } from './Notices'

/** Private files of an application or a reply: each opens with the staff member's log-in. */
export function DisclosureFileLinks({ files, label, testId }: { files: DisclosureAttachment[]; label: string; testId: string }) {
  const [error, setError] = useState('')
  if (!files.length) return null
  return (
    <View data-testid={testId}>
      <Text className='wb-label'>{label}</Text>
      {files.map((f) => (
        <View key={f.id} className='wb-list-row wb-file-link' role='link' data-testid='file-link' data-id={f.id} onClick={() => void openDisclosureFile(f).then(() => setError(''), (err: unknown) => setError(errorMessage(err, '文件无法打开，请稍后再试')))}>
          <Text>{f.name}{uploadedSize(f)}</Text>
        </View>
      ))}
      <ErrorNotice error={error} />
    </View>
  )
}

/** 上传文件 for a registration or a reply: uploaded as picked, listed with 移除; the ids go into the request. */
export function DisclosureFileUploads({ label, files, onChange, max }: { label: string; files: DisclosureAttachment[]; onChange: (files: DisclosureAttachment[]) => void; max: number }) {
  return <UploadList label={label} files={files} onChange={onChange} choose={chooseAndUploadDisclosureFile} max={max} button='上传文件' testIds={{ field: 'disclosure-uploads', row: 'uploaded-file', button: 'upload-file' }} />
}
