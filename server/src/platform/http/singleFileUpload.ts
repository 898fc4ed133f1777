import fs from 'node:fs/promises'
import type { Context } from 'koa'
import { koaBody } from 'koa-body'
import { ValidationError } from '../errors'

/** The one file of an upload, read into memory, with the name the person gave it. */
export interface UploadedFile {
  name: string
  /** As the client declared it (may be empty or `application/octet-stream`). */
  mime: string
  data: Buffer
}

/**
 * Reads a multipart/form-data upload of one file in the field `file` — what
 * `wx.uploadFile` and a browser form send — and hands it to `use`. `wx.uploadFile` sends
 * a temporary file name; the mini-program gives the real one in the field `name`, which
 * wins when present. Over `maxBytes`, unreadable, or without a file: 400 with a Chinese
 * message on the field `file`. The temporary file is removed whatever `use` does.
 * Call it after authorising, so nobody uploads bytes before we know who they are.
 */
export function singleFileUpload(maxBytes: number): <T>(ctx: Context, use: (file: UploadedFile) => Promise<T>) => Promise<T> {
  const multipart = koaBody({
    multipart: true,
    json: false,
    urlencoded: false,
    text: false,
    formidable: { maxFiles: 1, maxFileSize: maxBytes, allowEmptyFiles: true, minFileSize: 0 },
    onError: (err) => {
      const tooBig = /maxFileSize|exceeded/i.test(err.message)
      throw new ValidationError([{ path: 'file', message: tooBig ? `附件不能超过 ${maxBytes / 1024 / 1024} MB` : '上传的内容无法读取，请重新选择文件' }])
    },
  })
  return async (ctx, use) => {
    await multipart(ctx, async () => undefined)
    const files = (ctx.request as { files?: Record<string, unknown> }).files ?? {}
    const file = (Array.isArray(files.file) ? files.file[0] : files.file) as { filepath: string; originalFilename?: string | null; mimetype?: string | null } | undefined
    if (!file) throw new ValidationError([{ path: 'file', message: '请选择要上传的文件' }])
    try {
      const data = await fs.readFile(file.filepath)
      const given = (ctx.request.body as { name?: unknown } | undefined)?.name
      const name = typeof given === 'string' && given.trim() ? given : (file.originalFilename ?? '')
      return await use({ name, mime: file.mimetype ?? '', data })
    } finally {
      await fs.rm(file.filepath, { force: true })
    }
  }
}
