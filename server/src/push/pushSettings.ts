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
    pushSender: { window: config.PUSH_WINDOW, windowsInFlight: config.PUSH_WINDOWS_IN_FLIGHT, leaseMs: config.PUSH_LEASE_MS, handoverDir: config.PUSH_HANDOVER_DIR || path.join(config.DATA_DIR, 'push-handover'), quietHours: quietHoursOf(config.PUSH_QUIET_HOURS) },
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
 * Keep-alive connections to WeChat: enough for all but one of the windows in flight
 * (ADR 0026). The last window recorded waits in the pool and takes each connection as it
 * frees, so the connections never stand idle while the database records the next window.
 * A message waiting in the pool is marked in the hand-over log only when it is written
 * (ADR 0016): a sender that dies first leaves it unmarked, and it is sent on restart.
 */
export function wechatConnectionsFor(sender: { window?: number; windowsInFlight?: number } | undefined, configured?: number): number {
  const window = sender?.window ?? DEFAULT_SENDER_SETTINGS.window
  const inFlight = sender?.windowsInFlight ?? DEFAULT_SENDER_SETTINGS.windowsInFlight
  return Math.max(configured ?? DEFAULT_CONNECTIONS, window * Math.max(1, inFlight - 1))
}
