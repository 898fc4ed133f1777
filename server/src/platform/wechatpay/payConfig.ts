import fs from 'node:fs'
import { ConfigError, type Config } from '../config'
import type { PayModuleOptions } from './payModule'
import { certificateSerialOf, privateKeyOf, publicKeyOf } from './wechatPayCrypto'

/*
 * WeChat Pay settings of the configuration (kept apart from the module so that reading
 * the configuration does not load the payment code).
 */

/** A PEM given inline (`\n` escapes allowed), or the path of a file holding it; a ConfigError naming the variable otherwise. */
function pemOf(variable: string, value: string): string {
  if (value.trimStart().startsWith('-----BEGIN')) return value.replace(/\\n/g, '\n')
  try {
    return fs.readFileSync(value, 'utf8')
  } catch (err) {
    throw new ConfigError([{ variable, message: `既不是 PEM 文本，也读不到文件 ${value}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）` }])
  }
}

function checked<T>(variable: string, message: string, read: () => T): T {
  try {
    return read()
  } catch {
    throw new ConfigError([{ variable, message }])
  }
}

/** The WeChat Pay settings of the configuration, or undefined when payments are off (see `wechatPayConfigProblems`). */
export function payOptionsOf(config: Config): PayModuleOptions | undefined {
  const c = config
  if (!c.WECHATPAY_MCH_ID || !c.WECHAT_APP_ID || !c.WECHATPAY_MCH_SERIAL_NO || !c.WECHATPAY_MCH_PRIVATE_KEY || !c.WECHATPAY_APIV3_KEY || !c.WECHATPAY_PLATFORM_PUBLIC_KEY || !c.WECHATPAY_PLATFORM_SERIAL || !c.WECHATPAY_NOTIFY_URL) return undefined
  const merchantPrivateKey = pemOf('WECHATPAY_MCH_PRIVATE_KEY', c.WECHATPAY_MCH_PRIVATE_KEY)
  checked('WECHATPAY_MCH_PRIVATE_KEY', '不是可用的 PEM 私钥（apiclient_key.pem）', () => privateKeyOf(merchantPrivateKey))
  const platformPublicKey = pemOf('WECHATPAY_PLATFORM_PUBLIC_KEY', c.WECHATPAY_PLATFORM_PUBLIC_KEY)
  checked('WECHATPAY_PLATFORM_PUBLIC_KEY', '不是可用的 PEM 公钥或证书', () => publicKeyOf(platformPublicKey))
  const certificateSerial = certificateSerialOf(platformPublicKey)
  if (certificateSerial && certificateSerial !== c.WECHATPAY_PLATFORM_SERIAL.toUpperCase()) {
    throw new ConfigError([{ variable: 'WECHATPAY_PLATFORM_SERIAL', message: `与平台证书的序列号 ${certificateSerial} 不符` }])
  }
  return {
    baseUrl: c.WECHATPAY_API_BASE_URL,
    appId: c.WECHAT_APP_ID,
    mchId: c.WECHATPAY_MCH_ID,
    merchantSerialNo: c.WECHATPAY_MCH_SERIAL_NO,
    merchantPrivateKey,
    apiV3Key: c.WECHATPAY_APIV3_KEY,
    platformPublicKey,
    platformSerial: certificateSerial ?? c.WECHATPAY_PLATFORM_SERIAL,
    notifyUrl: c.WECHATPAY_NOTIFY_URL,
    reconcileAfterMinutes: c.WECHATPAY_RECONCILE_AFTER_MINUTES,
  }
}
