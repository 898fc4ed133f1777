import Router from '@koa/router'
import type { z } from '@zw/shared'
import { ValidationError } from '../errors'
import type { StaffPrincipal } from '../../auth/principal'
import type { Authenticate } from './endpoints'

/** CSV as Excel opens it in China: UTF-8 with a byte-order mark, CRLF, every cell quoted. */
export const CSV_BOM = '\uFEFF'

export function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value)
  // A leading = + - @ is neutralised so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}

export const csvRow = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`

/** A whole table: the header row (with the byte-order mark) and the rows. */
export const csvTable = (header: readonly string[], rows: readonly (readonly unknown[])[]) => CSV_BOM + csvRow(header) + rows.map(csvRow).join('')

/** A staff CSV export: its file name, header row and rows. */
export interface CsvExport {
  filename: string
  header: readonly string[]
  rows: readonly (readonly unknown[])[]
}

/**
 * `GET path?…` as a CSV download for a member of staff (UTF-8 with BOM): authenticated
 * first, the query parsed with the same schema as the JSON endpoint (400 per field), then
 * `produce` — the service that decides who may see what — gives the table.
 */
export function csvDownloadRouter<S extends z.ZodType>(path: string, querySchema: S, authenticate: Authenticate, produce: (staff: StaffPrincipal, query: z.output<S>) => Promise<CsvExport>): Router {
  const router = new Router()
  router.get(path, async (ctx) => {
    const staff = await authenticate(ctx)
    const parsed = querySchema.safeParse(ctx.query)
    if (!parsed.success) throw ValidationError.fromZod(parsed.error, 'query')
    const table = await produce(staff, parsed.data)
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="${table.filename}"`)
    ctx.body = csvTable(table.header, table.rows)
  })
  return router
}
