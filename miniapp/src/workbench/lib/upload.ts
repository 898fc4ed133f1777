import Taro from '@tarojs/taro'
import { ApiClientError, attachmentSchema, type z } from '@zw/shared'
import { baseUrl } from '@/api'
import { asStaff, savedSession } from './session'

export type UploadedAttachment = z.infer<typeof attachmentSchema>

const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ofd,.wps,.jpg,.jpeg,.png,.zip'

/** The server's answer to an upload: the attachment, or its error message in Chinese. */
function answerOf(status: number, text: string): UploadedAttachment {
  const json = JSON.parse(text) as unknown
  if (status === 201) return attachmentSchema.parse(json)
  const error = (json as { error?: { code?: string; message?: string; details?: { fields?: { message: string }[] } } }).error
  throw new ApiClientError(status, (error?.code ?? 'BAD_RESPONSE') as never, error?.details?.fields?.[0]?.message ?? error?.message ?? '上传失败，请稍后再试')
}

/**
 * 上传附件: the person picks a file (from a chat in the mini-program, from disk in a
 * browser); it is sent to `POST /api/v1/staff/files` as multipart, which checks and stores
 * it. Answers the attachment to add to the draft, or undefined when nothing was picked.
 */
export async function chooseAndUploadAttachment(): Promise<UploadedAttachment | undefined> {
  // Make sure the access token is fresh (refreshed when it has expired).
  await asStaff((c) => c.call('getStaffMe', {}))
  const token = savedSession()?.accessToken ?? ''
  if (process.env.TARO_ENV === 'h5') {
    const file = await new Promise<File | undefined>((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = ACCEPT
      input.onchange = () => resolve(input.files?.[0])
      input.click()
    })
    if (!file) return undefined
    const form = new FormData()
    form.append('file', file, file.name)
    const res = await fetch(`${baseUrl}/api/v1/staff/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
    return answerOf(res.status, await res.text())
  }
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file' })
  const chosen = picked.tempFiles[0]
  if (!chosen) return undefined
  const res = await Taro.uploadFile({ url: `${baseUrl}/api/v1/staff/files`, filePath: chosen.path, name: 'file', header: { authorization: `Bearer ${token}` }, formData: { name: chosen.name } })
  return answerOf(res.statusCode, res.data)
}
