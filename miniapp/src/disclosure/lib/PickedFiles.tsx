import { Text, View } from '@tarojs/components'
import { DISCLOSURE_APPLICATION_MAX_FILES, type DisclosureAttachment } from '@zw/shared'
import { useUpload } from '@/lib/useUpload'
import { fileKind, formatFileSize } from '@/lib/format'
import { chooseAndUploadMyFile } from './files'

/**
 * Files the applicant picks to send (with an application or a 补正): each is uploaded as it
 * is picked, private to them until sent; listed with a 移除 button and the server's message
 * per file (`attachments.<i>`); 添加附件 while fewer than the most allowed.
 */
export function PickedFiles({ files, onAdd, onRemove, errors, label }: { files: DisclosureAttachment[]; onAdd: (file: DisclosureAttachment) => void; onRemove: (index: number) => void; errors: Record<string, string>; label: string }) {
  const { uploading, error: uploadError, upload } = useUpload(chooseAndUploadMyFile, onAdd)
  return (
    <View>
      <View data-testid='my-files'>
        {files.map((a, i) => (
          <View key={a.id} className='dis-file' data-testid='my-file'>
            <View className='dis-file-text'>
              <Text className='dis-file-name'>{a.name}</Text>
              <Text className='dis-file-meta'>{fileKind(a.mime, a.name)}，{formatFileSize(a.size)}</Text>
              {errors[`attachments.${i}`] ? <View className='dis-error' role='alert' data-error={`attachments.${i}`}>{errors[`attachments.${i}`]}</View> : null}
            </View>
            <View className='dis-file-remove' role='button' aria-label={`移除附件 ${a.name}`} data-testid='remove-file' onClick={() => onRemove(i)}>
              <Text>移除</Text>
            </View>
          </View>
        ))}
      </View>
      {files.length < DISCLOSURE_APPLICATION_MAX_FILES ? (
        <View className={'btn btn-plain' + (uploading ? ' me-busy' : '')} role='button' data-testid='add-file' onClick={() => void upload()}>
          <Text>{uploading ? '正在上传…' : label}</Text>
        </View>
      ) : null}
      {uploadError || errors.attachments ? <View className='dis-error' role='alert' data-error='attachments'>{uploadError || errors.attachments}</View> : null}
    </View>
  )
}

/** Messages about files are by position: after a removal they no longer point at the right one. */
export const withoutFileMessages = (errors: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith('attachments')))
