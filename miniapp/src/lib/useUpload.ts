import { useState } from 'react'
import { errorMessage } from './errors'

/**
 * The state of an 上传 button: `upload()` runs `choose` (pick a file and upload it) once at
 * a time and hands what it answers to `onAdded`; `error` is the Chinese reason it failed.
 */
export function useUpload<T>(choose: () => Promise<T | undefined>, onAdded: (added: T) => void) {
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState('')
  const upload = async () => {
    if (uploading) return
    setError('')
    setUploading(true)
    try {
      const added = await choose()
      if (added) onAdded(added)
    } catch (err) {
      setError(errorMessage(err, '上传失败，请稍后再试'))
    } finally {
      setUploading(false)
    }
  }
  return { uploading, error, upload }
}
