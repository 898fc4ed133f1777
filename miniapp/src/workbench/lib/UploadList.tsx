import { Text, View } from '@tarojs/components'
import { useUpload } from '@/lib/useUpload'
import { ErrorNotice } from './Notices'

/** The size of an uploaded file as a person reads it (nothing when unknown: addresses saved before uploads). */
export const uploadedSize = (f: { size: number }) => (f.size > 0 ? `（${Math.max(1, Math.round(f.size / 1024))} KB）` : '')

/**
 * A form's files: each uploaded as soon as it is picked (`choose`), listed with its size
 * and 移除, and a button to add another while fewer than `max`; the reason an upload
 * failed shows under them.
 */
export function UploadList<T extends { name: string; size: number }>({
  label,
  files,
  onChange,
  choose,
  max,
  button,
  testIds,
}: {
  label: string
  files: T[]
  onChange: (files: T[]) => void
  choose: () => Promise<T | undefined>
  max: number
  button: string
  testIds: { field: string; row: string; button?: string }
}) {
  const { uploading, error, upload } = useUpload(choose, (added) => onChange([...files, added]))
  return (
    <View className='wb-field' data-testid={testIds.field}>
      <Text className='wb-label'>{label}</Text>
      {files.map((f, i) => (
        <View key={`${i}:${f.name}`} className='wb-list-row' data-testid={testIds.row}>
          <Text>
            {f.name}
            {uploadedSize(f)}
          </Text>
          <View className='wb-button wb-secondary' role='button' onClick={() => onChange(files.filter((_, j) => j !== i))}>
            <Text>移除</Text>
          </View>
        </View>
      ))}
      {files.length < max ? (
        <View className={'wb-button wb-secondary' + (uploading ? ' wb-busy' : '')} role='button' data-testid={testIds.button} onClick={uploading ? undefined : () => void upload()}>
          <Text>{uploading ? '正在上传…' : button}</Text>
        </View>
      ) : null}
      <ErrorNotice error={error} />
    </View>
  )
}
