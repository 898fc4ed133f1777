/** The WeChat Pay variables that go together (config.ts checks them; no imports, so the configuration loads nothing of payments). */
export const WECHATPAY_REQUIRED = ['WECHATPAY_MCH_ID', 'WECHATPAY_MCH_SERIAL_NO', 'WECHATPAY_MCH_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_PLATFORM_PUBLIC_KEY', 'WECHATPAY_PLATFORM_SERIAL', 'WECHATPAY_NOTIFY_URL'] as const

/** Payments are all or nothing: some merchant settings without the others (or without WECHAT_APP_ID) is a configuration error. */
export function wechatPayConfigProblems(values: Partial<Record<(typeof WECHATPAY_REQUIRED)[number] | 'WECHAT_APP_ID', unknown>>): { variable: string; message: string }[] {
  const set = WECHATPAY_REQUIRED.filter((k) => values[k] !== undefined)
  if (!set.length) return []
  const missing: string[] = [...WECHATPAY_REQUIRED.filter((k) => values[k] === undefined), ...(values.WECHAT_APP_ID === undefined ? ['WECHAT_APP_ID'] : [])]
  return missing.map((variable) => ({ variable, message: `已设置 ${set.join('、')}，微信支付还需要此项` }))
}
