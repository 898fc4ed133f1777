/**
 * 信息处理费 (国办函〔2020〕109号): free by default, charged only for excess volume or
 * frequency, progressively, by ONE method per application — never both. Amounts in
 * yuan (whole yuan: every band is a whole number of yuan).
 */
export const FEE_METHODS = ['per-application', 'per-page'] as const
export type FeeMethod = (typeof FEE_METHODS)[number]

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  'per-application': '按件计收',
  'per-page': '按量计收',
}

/** The legal basis printed on a fee notice. */
export const FEE_BASIS = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）'

const wholeNumber = (n: number, what: string) => {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0: ${n}`)
}

/**
 * 按件计收: the fee of the applicant's `ordinalInMonth`-th application in one natural
 * month (counted by the verified ID): 1–10 free, 11–30 ¥100 each, then ¥100 more for
 * each band of 10 (31–40 ¥200, 41–50 ¥300, …).
 */
export function perApplicationFee(ordinalInMonth: number): number {
  wholeNumber(ordinalInMonth, 'the ordinal')
  if (ordinalInMonth < 1) throw new RangeError(`the ordinal starts at 1: ${ordinalInMonth}`)
  if (ordinalInMonth <= 10) return 0
  if (ordinalInMonth <= 30) return 100
  return 100 * (Math.floor((ordinalInMonth - 31) / 10) + 2)
}

/** The per-page bands: each rate applies only to the pages inside its own band. */
export const PER_PAGE_BANDS: readonly { from: number; to: number; yuanPerPage: number }[] = [
  { from: 1, to: 30, yuanPerPage: 0 },
  { from: 31, to: 100, yuanPerPage: 10 },
  { from: 101, to: 200, yuanPerPage: 20 },
  { from: 201, to: Number.POSITIVE_INFINITY, yuanPerPage: 40 },
]

/** 按量计收: 1–30 pages free, 31–100 ¥10 a page, 101–200 ¥20, 201 and over ¥40 (250 pages: ¥4,700). */
export function perPageFee(pages: number): number {
  wholeNumber(pages, 'pages')
  let total = 0
  for (const band of PER_PAGE_BANDS) {
    const inBand = Math.max(0, Math.min(pages, band.to) - band.from + 1)
    total += inBand * band.yuanPerPage
  }
  return total
}

/** The standard as the fee notice states it. */
export function feeStandardText(method: FeeMethod): string {
  return method === 'per-application'
    ? '按件计收：同一申请人一个自然月内累计申请 10 件以下（含）不收费，11—30 件每件 100 元，31 件以上每增加 10 件每件加收 100 元'
    : '按量计收：30 页以下（含）不收费，31—100 页每页 10 元，101—200 页每页 20 元，201 页以上每页 40 元（各档只计本档页数）'
}
