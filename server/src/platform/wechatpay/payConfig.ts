import fs from 'node:fs'
import type { Config } from '../config'
import type { PayModuleOptions } from './payModule'

/*
 * WeChat Pay settings of the configuration (kept apart from the module so that reading
 * the configuration does not load the payment code).
 */

/** A PEM given inline, or the path of a file holding it. */
const pemOf = (value: string) => (value.trimStart().startsWith('-----BEGIN') ? value.replace(/\\n/g, '\n') : fs.readFileSync(value, 'utf8'))

/** The WeChat Pay settings of the configuration, or undefined when payments are off (see `wechatPayConfigProblems`). */
export function payOptionsOf(config: Config): PayModuleOptions | undefined {
  const c = config
  if (!c.WECHATPAY_MCH_ID || !c.WECHAT_APP_ID || !c.WECHATPAY_MCH_SERIAL_NO || !c.WECHATPAY_MCH_PRIVATE_KEY || !c.WECHATPAY_APIV3_KEY || !c.WECHATPAY_PLATFORM_PUBLIC_KEY || !c.WECHATPAY_PLATFORM_SERIAL || !c.WECHATPAY_NOTIFY_URL) return undefined
  return {
    baseUrl: c.WECHATPAY_API_BASE_URL,
    appId: c.WECHAT_APP_ID,
    mchId: c.WECHATPAY_MCH_ID,
    merchantSerialNo: c.WECHATPAY_MCH_SERIAL_NO,
    merchantPrivateKey: pemOf(c.WECHATPAY_MCH_PRIVATE_KEY),
    apiV3Key: c.WECHATPAY_APIV3_KEY,
    platformPublicKey: pemOf(c.WECHATPAY_PLATFORM_PUBLIC_KEY),
    platformSerial: c.WECHATPAY_PLATFORM_SERIAL,
    notifyUrl: c.WECHATPAY_NOTIFY_URL,
    reconcileAfterMinutes: c.WECHATPAY_RECONCILE_AFTER_MINUTES,
  }
}

export const WECHATPAY_REQUIRED = ['WECHATPAY_MCH_ID', 'WECHATPAY_MCH_SERIAL_NO', 'WECHATPAY_MCH_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_PLATFORM_PUBLIC_KEY', 'WECHATPAY_PLATFORM_SERIAL', 'WECHATPAY_NOTIFY_URL'] as const

/** Payments are all or nothing: some merchant settings without the others (or without WECHAT_APP_ID) is a configuration error. */
export function wechatPayConfigProblems(values: Partial<Record<(typeof WECHATPAY_REQUIRED)[number] | 'WECHAT_APP_ID', unknown>>): { variable: string; message: string }[] {
  const set = WECHATPAY_REQUIRED.filter((k) => values[k] !== undefined)
  if (!set.length) return []
  const missing: string[] = [...WECHATPAY_REQUIRED.filter((k) => values[k] === undefined), ...(values.WECHAT_APP_ID === undefined ? ['WECHAT_APP_ID'] : [])]
  return missing.map((variable) => ({ variable, message: `已设置 ${set.join('、')}，微信支付还需要此项` }))
}
