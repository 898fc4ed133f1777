import { DISCLOSURE_FILE_UPLOAD_PATHS, type DisclosureAttachment } from '@zw/shared'
import type { TestApp } from './app'

/** A small genuine-looking PDF (the type check reads the leading bytes). */
export const pdf = (text = '答复书') => Buffer.concat([Buffer.from(`%PDF-1.4\n% ${text}\n`), Buffer.alloc(200, 32)])
export const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)])

/** Uploads one file as a citizen or a member of staff (multipart, as wx.uploadFile sends it); the raw answer. */
export function uploadDisclosureFile(t: TestApp, as: 'citizen' | 'staff', token: string | undefined, file: { name: string; data: Buffer; type?: string; realName?: string }): Promise<Response> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/pdf' }), file.name)
  if (file.realName) form.append('name', file.realName)
  return fetch(`${t.url}${DISCLOSURE_FILE_UPLOAD_PATHS[as]}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} })
}

/** Uploads one file and answers the attachment (fails the test unless it is 201). */
export async function uploaded(t: TestApp, as: 'citizen' | 'staff', token: string, name = '答复书.pdf', data = pdf(name)): Promise<DisclosureAttachment> {
  const res = await uploadDisclosureFile(t, as, token, { name, data, type: name.endsWith('.png') ? 'image/png' : 'application/pdf' })
  if (res.status !== 201) throw new Error(`upload ${res.status}: ${await res.text()}`)
  return (await res.json()) as DisclosureAttachment
}

/** Downloads a disclosure file with a bearer token (or none). */
export function download(t: TestApp, url: string, token?: string): Promise<Response> {
  return fetch(`${t.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}
