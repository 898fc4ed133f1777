/**
 * What WeChat accepts in each kind of subscription-message field (the key's prefix,
 * `thing2` → `thing`); a value it does not accept fails the send with 47003. Checked
 * before a campaign is scheduled, so editors fix the words, not the error log.
 */
const chars = (v: string) => [...v].length
const HAN = /^\p{Script=Han}+$/u
const RULES: Record<string, { ok: (v: string) => boolean; message: string }> = {
  thing: { ok: (v) => chars(v) >= 1 && chars(v) <= 20, message: '不超过 20 个字' },
  number: { ok: (v) => /^\d{1,32}(\.\d+)?$/.test(v) && v.replace('.', '').length <= 32, message: '只能是数字（可带小数），不超过 32 位' },
  letter: { ok: (v) => /^[A-Za-z]{1,32}$/.test(v), message: '只能是字母，不超过 32 位' },
  symbol: { ok: (v) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(v), message: '只能是符号，不超过 5 位' },
  character_string: { ok: (v) => /^[\x21-\x7E]{1,32}$/.test(v), message: '只能是数字、字母或符号，不超过 32 位' },
  time: { ok: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 ?)?([01]?\d|2[0-3]):[0-5]\d(~.+)?$/.test(v), message: '应为 24 小时制时间，例如 15:01 或 2026年11月22日 15:01' },
  date: { ok: (v) => /^\d{4}年\d{1,2}月\d{1,2}日( ([01]?\d|2[0-3]):[0-5]\d)?(~.+)?$/.test(v), message: '应为日期，例如 2026年11月22日' },
  amount: { ok: (v) => /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(v), message: '应为金额，例如 ¥1200.00 或 1200元' },
  phone_number: { ok: (v) => /^[\d+\-() ]{1,17}$/.test(v), message: '应为电话号码，不超过 17 位' },
  // Any Chinese in it: counted as a Chinese name (10); otherwise letters or symbols (20).
  name: { ok: (v) => chars(v) <= (/\p{Script=Han}/u.test(v) ? 10 : 20), message: '姓名不超过 10 个汉字或 20 个字母' },
  phrase: { ok: (v) => HAN.test(v) && chars(v) <= 5, message: '只能是汉字，不超过 5 个' },
}

/** The kind of a template key: `thing12` → `thing`, `character_string3` → `character_string`. */
export const templateFieldKind = (key: string): string => key.replace(/\d+$/, '')

/**
 * The fields of a subscription message WeChat would refuse, each with what it accepts
 * (in Chinese, for the editor); an empty list when all are fine. A key of an unknown
 * kind is reported too.
 */
export function subscribeMessageFieldErrors(data: Record<string, string>): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = []
  for (const [field, value] of Object.entries(data)) {
    const rule = RULES[templateFieldKind(field)]
    if (!rule) errors.push({ field, message: '不认识的模板字段类型' })
    else if (!value.trim()) errors.push({ field, message: '不能为空' })
    else if (!rule.ok(value)) errors.push({ field, message: rule.message })
  }
  return errors
}

/** Text shortened to what a `thing` field holds (20 characters, the last an ellipsis when cut). */
export const fitThing = (text: string): string => ([...text].length > 20 ? `${[...text].slice(0, 19).join('')}…` : text)
