import Taro from '@tarojs/taro'
import { ApiClientError, apiErrorOf } from '@zw/shared'
import { baseUrl } from '@/api'
import { resolveUrl } from './open'

/** The kinds the server accepts (attachmentTypes.ts on the server). */
export const ATTACHMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ofd,.jpg,.jpeg,.png'

/** A file the person picked: a File in a browser; in WeChat a temporary path and the file's real name. */
export type PickedFile = { file: File; name: string } | { path: string; name: string }

/** Lets the person pick one file: from disk in a browser (h5), from a chat in WeChat. Undefined when nothing was picked. */
export async function pickFile(): Promise<PickedFile | undefined> {
  if (process.env.TARO_ENV === 'h5') {
    const file = await new Promise<File | undefined>((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = ATTACHMENT_ACCEPT
      input.onchange = () => resolve(input.files?.[0])
      input.oncancel = () => resolve(undefined)
      input.click()
    })
    return file ? { file, name: file.name } : undefined
  }
  try {
    const picked = await Taro.chooseMessageFile({ count: 1, type: 'all' })
    const chosen = picked.tempFiles[0]
    return chosen ? { path: chosen.path, name: chosen.name } : undefined
  } catch {
    return undefined // the person closed the picker
  }
}

function answerOf(status: number, text: string): unknown {
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  if (status === 201) return json
  // The server's error (its first field message says what is wrong with the file), or a plain sentence when the answer is not ours.
  const error = apiErrorOf(status, json)
  throw error.code === 'BAD_RESPONSE' ? new ApiClientError(status, 'BAD_RESPONSE', '上传失败，请稍后再试') : error
}

/**
 * Sends a picked file to an upload endpoint as multipart/form-data — one file in `file`,
 * its real name in `name` (wx.uploadFile sends a temporary one) — with a bearer token.
 * Answers the JSON of the 201, or throws ApiClientError with the server's Chinese message.
 */
export async function uploadPicked(path: string, picked: PickedFile, accessToken: string): Promise<unknown> {
  const authorization = `Bearer ${accessToken}`
  if ('file' in picked) {
    if (process.env.TARO_ENV !== 'h5') throw new ApiClientError(0, 'NETWORK', '上传失败，请稍后再试') // only a browser picks a File
    const form = new FormData()
    form.append('file', picked.file, picked.name)
    form.append('name', picked.name)
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', body: form, headers: { authorization } })
    return answerOf(res.status, await res.text())
  }
  const res = await Taro.uploadFile({ url: `${baseUrl}${path}`, filePath: picked.path, name: 'file', header: { authorization }, formData: { name: picked.name } })
  return answerOf(res.statusCode, res.data)
}

/** Picks a file and uploads it with the person's token (withToken renews it when refused); undefined when nothing was picked. */
export async function chooseAndUpload(path: string, withToken: (use: (accessToken: string) => Promise<unknown>) => Promise<unknown>): Promise<unknown> {
  const picked = await pickFile()
  return picked ? withToken((token) => uploadPicked(path, picked, token)) : undefined
}

/**
 * Opens a file that needs the person's log-in (a private 依申请公开 file), as the
 * workbench's CSV exports do: fetched with the bearer token — never put in the address —
 * then saved by the browser (h5), or downloaded and opened (documents) or previewed
 * (pictures) in WeChat. Throws ApiClientError when refused (401: the caller renews).
 */
export async function openPrivateFile(file: { url: string; name: string; mime: string }, accessToken: string): Promise<void> {
  const authorization = `Bearer ${accessToken}`
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(`${baseUrl}${file.url}`, { headers: { authorization } })
    if (!res.ok) throw apiErrorOf(res.status, await res.json().catch(() => undefined))
    const href = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = href
    a.download = file.name
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
    return
  }
  const res = await Taro.downloadFile({ url: resolveUrl(file.url), header: { authorization } })
  if (res.statusCode !== 200) throw res.statusCode === 401 ? new ApiClientError(401, 'UNAUTHENTICATED', '请先登录') : new ApiClientError(res.statusCode, res.statusCode === 404 ? 'NOT_FOUND' : 'BAD_RESPONSE', '文件无法打开，请稍后再试')
  if (file.mime.startsWith('image/')) await Taro.previewImage({ urls: [res.tempFilePath], current: res.tempFilePath })
  else await Taro.openDocument({ filePath: res.tempFilePath, showMenu: true })
}
