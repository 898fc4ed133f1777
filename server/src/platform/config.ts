import path from 'node:path'
import { z, fieldErrorsOf } from '@zw/shared'
import { PROJECT_ROOT } from './paths'
import cron from 'node-cron'
import { wechatPayConfigProblems } from './wechatpay/payConfigProblems'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1')

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: '应为整数' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))

const cronExpression = z
  .string()
  .refine((v) => v.trim().split(/\s+/).length === 5 && cron.validate(v), { error: '应为五段式 cron 表达式（北京时间），例如 0 10 * * 3' })

/**
 * Every setting of the server, from the environment. README's configuration table lists
 * the same variables; keep the two together.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65535).default(3000),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/.+/, { error: '应为 mongodb:// 或 mongodb+srv:// 开头的连接串' })
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'data')),
  FERRETDB_BIN: z.string().min(1).optional(),
  DB_CONNECT_TIMEOUT_MS: integer(100, 120_000).default(5000),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, { error: '应为数字加 kb 或 mb，例如 1mb' })
    .default('1mb'),
  H5_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'miniapp', 'dist-h5')),
  SHUTDOWN_TIMEOUT_MS: integer(0, 120_000).default(10_000),
  TRUST_PROXY: booleanFlag.default(false),
  /** A development log-in for citizens in a browser (h5), by name; never in production. */
  CITIZEN_DEV_LOGIN: booleanFlag.default(false),
  /** WeChat's API (tests and local runs point it at a fake). */
  WECHAT_API_BASE_URL: z.url({ error: '应为网址，例如 https://api.weixin.qq.com' }).default('https://api.weixin.qq.com'),
  /** The mini-program's AppID and AppSecret; without them WeChat log-in, binding and reminders are off. */
  WECHAT_APP_ID: z.string().regex(/^wx[0-9a-zA-Z]{14,18}$/, { error: '应为 wx 开头的小程序 AppID' }).optional(),
  WECHAT_APP_SECRET: z.string().min(16, { error: 'AppSecret 长度不正确' }).optional(),
  /** Subscription-message template of the reviewers' 待审核提醒 (keys thing1 稿件标题, thing2 提交人, time3 提交时间). */
  WECHAT_REVIEW_TEMPLATE_ID: z.string().min(1).optional(),
  /** Whether that template is long-term (政务民生 category); otherwise each consent allows one message. */
  WECHAT_REVIEW_TEMPLATE_LONG_TERM: booleanFlag.default(false),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** Template of 政策推送提醒 to citizens (keys thing1 标题, thing2 发布单位, time3 时间); without it pushes reach the inbox only. */
  WECHAT_PUSH_TEMPLATE_ID: z.string().min(1).optional(),
  /** Whether it is a long-term (政务民生) template; otherwise each acceptance allows one message. */
  WECHAT_PUSH_TEMPLATE_LONG_TERM: booleanFlag.default(true),
  /** Template of 信息更正通知 (same keys). */
  WECHAT_CORRECTION_TEMPLATE_ID: z.string().min(1).optional(),
  WECHAT_CORRECTION_TEMPLATE_LONG_TERM: booleanFlag.default(true),
  /** Template of 互动回复通知 (replies to 留言, consultation feedback; same keys); unset: the push template is used. */
  WECHAT_REPLY_TEMPLATE_ID: z.string().min(1).optional(),
  WECHAT_REPLY_TEMPLATE_LONG_TERM: booleanFlag.default(true),
  /** Tencent Cloud SMS (SendSms); without the key pair, app and signature, mobile binding and SMS pushes are off. */
  SMS_API_BASE_URL: z.url({ error: '应为网址，例如 https://sms.tencentcloudapi.com' }).default('https://sms.tencentcloudapi.com'),
  SMS_SECRET_ID: z.string().min(8).optional(),
  SMS_SECRET_KEY: z.string().min(8).optional(),
  SMS_SDK_APP_ID: z.string().regex(/^\d{10}$/, { error: '应为 10 位数字的 SdkAppId' }).optional(),
  SMS_SIGN_NAME: z.string().min(2).optional(),
  /** Template of the verification code (params: code, minutes). */
  SMS_VERIFY_TEMPLATE_ID: z.string().min(1).optional(),
  /** Template of SMS pushes (param: the message title). */
  SMS_PUSH_TEMPLATE_ID: z.string().min(1).optional(),
  /** WeChat Pay (API v3, JSAPI) for the processing fee; without the merchant settings (all of them, and WECHAT_APP_ID) fees cannot be paid online. */
  WECHATPAY_API_BASE_URL: z.url({ error: '应为网址，例如 https://api.mch.weixin.qq.com' }).refine((v) => !URL.canParse(v) || new URL(v).pathname === '/', { error: '只写协议、主机和端口，不带路径' }).default('https://api.mch.weixin.qq.com'),
  WECHATPAY_MCH_ID: z.string().regex(/^\d{8,12}$/, { error: '应为数字商户号' }).optional(),
  /** The merchant API certificate's serial number. */
  WECHATPAY_MCH_SERIAL_NO: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, { error: '应为商户 API 证书序列号（十六进制）' }).optional(),
  /** The merchant API private key: PEM text, or the path of apiclient_key.pem. */
  WECHATPAY_MCH_PRIVATE_KEY: z.string().min(1).optional(),
  WECHATPAY_APIV3_KEY: z.string().refine((v) => Buffer.byteLength(v) === 32, { error: 'APIv3 密钥应为 32 个字符' }).optional(),
  /** The platform's public key (微信支付公钥) or platform certificate: PEM text or a path; and its serial (PUB_KEY_ID_… or the certificate serial). */
  WECHATPAY_PLATFORM_PUBLIC_KEY: z.string().min(1).optional(),
  WECHATPAY_PLATFORM_SERIAL: z.string().min(8).optional(),
  /** Where WeChat Pay posts notifications: https://<public host>/api/v1/pay/notify. */
  WECHATPAY_NOTIFY_URL: z.url({ error: '应为网址，例如 https://example.gov.cn/api/v1/pay/notify' }).optional(),
  /** Open orders without a notification for this long are queried by the reconciliation job. */
  WECHATPAY_RECONCILE_AFTER_MINUTES: integer(1, 1440).default(10),
  /** Push sending: recipients per window, the sender's lease, and how often a push worker looks for due campaigns. */
  PUSH_WINDOW: integer(1, 1000).default(64),
  /** Windows handed over whose sends may still be under way while the next is recorded (1: one window at a time). */
  PUSH_WINDOWS_IN_FLIGHT: integer(1, 8).default(2),
  /** Where this machine's push senders log the windows they hand over (ADR 0016); default DATA_DIR/push-handover. */
  PUSH_HANDOVER_DIR: z.string().optional(),
  PUSH_LEASE_MS: integer(1000, 600_000).default(30_000),
  PUSH_WORKER_POLL_MS: integer(100, 600_000).default(5_000),
  /** Quiet hours (Beijing time) in which non-urgent pushes wait, `HH:mm-HH:mm`, may span midnight; equal times: none. */
  PUSH_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { error: '应为 HH:mm-HH:mm（北京时间），例如 22:00-08:00' })
    .default('22:00-08:00'),
  /** WeChat subscribe/send requests a second, across retries (0: no limit of ours). */
  PUSH_WECHAT_RATE_PER_SECOND: integer(0, 100_000).default(0),
  /** When the cadence checks run (five-field cron, Beijing time). */
  CADENCE_MID_WEEK_CRON: cronExpression.default('0 10 * * 3'),
  CADENCE_LATE_WEEK_CRON: cronExpression.default('0 15 * * 5'),
  CADENCE_FLOOR_CRON: cronExpression.default('30 8 * * *'),
  CADENCE_WEEKLY_REPORT_CRON: cronExpression.default('0 9 * * 1'),
  /** Key of the applicants' ID numbers at rest (AES-256-GCM), 64 hex characters. Required in production; a development key is used elsewhere. */
  DISCLOSURE_ID_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, { error: '应为 64 位十六进制（32 字节）密钥' }).optional(),
  /** Whether the fee payment window stops the answer clock (unconfirmed in law; default yes). */
  DISCLOSURE_FEE_PAUSES_CLOCK: booleanFlag.default(true),
  /** The daily disclosure job: reminders 3 working days before due, overdue escalation, abandonment (cron, Beijing time). */
  DISCLOSURE_DAILY_CRON: cronExpression.default('0 8 * * *'),
  /** Interaction (issue 9): the daily message sweep (reminders, overdue escalation, the 60-day alarm; cron, Beijing time). */
  INTERACTION_DAILY_CRON: cronExpression.default('0 8 * * *'),
  /** Working days to answer a message, by category, unless a department sets its own. */
  MESSAGE_ANSWER_DAYS_CONSULTATION: integer(1, 60).default(5),
  MESSAGE_ANSWER_DAYS_SUGGESTION: integer(1, 60).default(15),
  MESSAGE_ANSWER_DAYS_COMPLAINT: integer(1, 60).default(15),
  /** Whether replies are reviewed by a second person unless a department says otherwise. */
  MESSAGE_REPLY_REVIEW: booleanFlag.default(false),
  /** Messages (留言) and consultation comments a logged-in citizen may send in one Beijing day; beyond: 429. */
  MESSAGE_DAILY_LIMIT: integer(1, 1000).default(10),
  COMMENT_DAILY_LIMIT: integer(1, 1000).default(20),
  /**
   * 两微 distribution (issue 8). The key that encrypts channel credentials at rest
   * (AES-256-GCM): 32 bytes as 64 hex characters or base64. Without it in production,
   * no credentials can be saved or used; elsewhere a fixed development key is used.
   */
  CHANNEL_CREDENTIALS_KEY: z.string().refine((v) => /^[0-9a-fA-F]{64}$/.test(v) || Buffer.from(v, 'base64').length === 32, { error: '应为 32 字节的密钥（64 位十六进制或 base64）' }).optional(),
  OFFICIAL_ACCOUNT_API_BASE_URL: z.url({ error: '应为网址，例如 https://api.weixin.qq.com' }).default('https://api.weixin.qq.com'),
  WEIBO_API_BASE_URL: z.url({ error: '应为网址，例如 https://api.weibo.com' }).default('https://api.weibo.com'),
  /** How often this process's channel worker sends what is due (ms; 0: only the every-minute job), and how often a publishing 公众号 article is asked about. */
  CHANNEL_WORKER_POLL_MS: integer(0, 600_000).default(5_000),
  CHANNEL_OA_POLL_MS: integer(0, 3_600_000).default(30_000),
  /** How long a worker holds a channel delivery it is sending; a dead worker's is taken over after it. */
  CHANNEL_LEASE_MS: integer(500, 3_600_000).default(120_000),
  /** Weibo's status length (unconfirmed: 140 by default; a Chinese character counts one, two ASCII characters one). */
  WEIBO_TEXT_LIMIT: integer(30, 5000).default(140),
  /** Load the demo content into an empty database, published without review. Default: on unless production. */
  SEED_DEMO_CONTENT: booleanFlag.optional(),
})

export type Config = Omit<z.infer<typeof configSchema>, 'SEED_DEMO_CONTENT'> & { SEED_DEMO_CONTENT: boolean }

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`,
    )
    this.name = 'ConfigError'
  }
}

/** Reads and validates the configuration; an unset or empty variable takes its default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {}
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key]
    if (value !== undefined && value !== '') input[key] = value
  }
  const result = configSchema.safeParse(input)
  if (!result.success) {
    throw new ConfigError(fieldErrorsOf(result.error).map((f) => ({ variable: f.path, message: f.message })))
  }
  const payProblems = wechatPayConfigProblems(result.data)
  if (payProblems.length) throw new ConfigError(payProblems)
  if (result.data.NODE_ENV === 'production' && !result.data.DISCLOSURE_ID_KEY) {
    throw new ConfigError([{ variable: 'DISCLOSURE_ID_KEY', message: '生产环境必须设置（申请人证件号码的加密密钥，64 位十六进制）' }])
  }
  return { ...result.data, SEED_DEMO_CONTENT: result.data.SEED_DEMO_CONTENT ?? result.data.NODE_ENV !== 'production' }
}
