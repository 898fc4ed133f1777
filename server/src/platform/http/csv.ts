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
