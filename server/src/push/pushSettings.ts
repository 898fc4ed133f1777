import path from 'node:path'
import type { QuietHours } from '@zw/shared'
import type { Config } from '../platform/config'
import { DEFAULT_CONNECTIONS } from '../platform/delivery/httpAgent'
import { DEFAULT_SENDER_SETTINGS } from './campaignSender'

/**
 * What the push domain reads of the configuration, in one place for the server and the
 * push worker (templates, sending, rate, SMS), so both send the same way.
 */
export function pushSettingsOf(config: Config) {
  return {
    pushTemplates: {
      ...(config.WECHAT_PUSH_TEMPLATE_ID ? { 'policy-notice': { templateId: config.WECHAT_PUSH_TEMPLATE_ID, longTerm: config.WECHAT_PUSH_TEMPLATE_LONG_TERM } } : {}),
      ...(config.WECHAT_CORRECTION_TEMPLATE_ID ? { correction: { templateId: config.WECHAT_CORRECTION_TEMPLATE_ID, longTerm: config.WECHAT_CORRECTION_TEMPLATE_LONG_TERM } } : {}),
      ...(config.WECHAT_REPLY_TEMPLATE_ID ? { 'interaction-reply': { templateId: config.WECHAT_REPLY_TEMPLATE_ID, longTerm: config.WECHAT_REPLY_TEMPLATE_LONG_TERM } } : {}),
    },
    pushSender: { window: config.PUSH_WINDOW, leaseMs: config.PUSH_LEASE_MS, handoverDir: config.PUSH_HANDOVER_DIR || path.join(config.DATA_DIR, 'push-handover'), quietHours: quietHoursOf(config.PUSH_QUIET_HOURS) },
    pushRatePerSecond: config.PUSH_WECHAT_RATE_PER_SECOND || undefined,
    sms: { baseUrl: config.SMS_API_BASE_URL, secretId: config.SMS_SECRET_ID, secretKey: config.SMS_SECRET_KEY, smsSdkAppId: config.SMS_SDK_APP_ID, signName: config.SMS_SIGN_NAME, verifyTemplateId: config.SMS_VERIFY_TEMPLATE_ID, pushTemplateId: config.SMS_PUSH_TEMPLATE_ID },
  }
}

/** `22:00-08:00` as the quiet-hours rule takes it. */
export function quietHoursOf(setting: string): QuietHours {
  const [start, end] = setting.split('-') as [string, string]
  return { start, end }
}

/**
 * Keep-alive connections to WeChat so that a whole window goes out at once (ADR 0016): a
 * request queued in the pool behind a busy connection is recorded as handed over but is
 * not yet on the wire, and a crash then would lose it.
 */
export function wechatConnectionsFor(window: number | undefined, configured?: number): number {
  return Math.max(configured ?? DEFAULT_CONNECTIONS, window ?? DEFAULT_SENDER_SETTINGS.window)
}
