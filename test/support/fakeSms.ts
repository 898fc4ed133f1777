import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes, randomUUID } from 'node:crypto'
import { seededRandom } from '../../server/src/platform/delivery/random'
import { parseTc3Authorization, tc3Date, tc3Signature } from '../../server/src/platform/sms/tc3Signature'
import { FakeRateLimit } from './fakeRateLimit'

/** A request the fake received: headers and body as sent. */
export interface SmsReceived {
  headers: Record<string, string>
  body: Record<string, unknown> | undefined
  at: number
}

/** What the next request does instead of (or before) its normal answer. */
export type SmsFault =
  /** Answer this Tencent code (request-level `Response.Error` or per-number `SendStatusSet[].Code`, as Tencent would place it). */
  | { code: string }
  /** Answer this HTTP status with a non-JSON body (a gateway in front of the API). */
  | { httpStatus: number }
  /** Wait this long, then answer normally (the text is still sent, as a real server would). */
  | { delayMs: number }

export interface FakeSmsOptions {
  /** Per code, the probability a (correctly signed) request answers it instead of sending, e.g. `{ 'InternalError.Timeout': 0.02 }`. Seeded. */
  failureRates?: Partial<Record<string, number>>
  seed?: number
  latencyMs?: number
  latencyJitterMs?: number
  /** Texts to one number per Beijing calendar day before `LimitExceeded.PhoneNumberDailyLimit` (Tencent's default is 10). */
  dailyLimitPerNumber?: number
  /** Requests per second across all callers; over it `RequestLimitExceeded`. */
  rateLimit?: { perSecond: number; burst?: number }
  lean?: boolean
}

export interface SentSms {
  phone: string
  templateId: string
  params: string[]
  signName: string
  serialNo: string
}

/** Codes Tencent answers for the whole request (`Response.Error`); the others come per number in `SendStatusSet`. */
const REQUEST_LEVEL = /^(InternalError|RequestLimitExceeded|AuthFailure|UnauthorizedOperation|InvalidAction|NoSuchVersion|FailedOperation\.(SignatureIncorrectOrUnapproved|TemplateIncorrectOrUnapproved|TemplateParamSetNotMatchApprovedTemplate|FailResolvePacket))/
const VERSION = '2021-01-11'

/**
 * A stand-in for Tencent Cloud SMS (`SendSms`, API 3.0, 2021-01-11) on 127.0.0.1. It checks
 * what the real one checks first: the TC3-HMAC-SHA256 signature (recomputed with its own
 * key pair; AuthFailure.SignatureFailure / SecretIdNotFound / SignatureExpire), the action
 * and version headers, the SDK app, the approved signature and template (with its number
 * of parameters), the number's format and its daily limit. It records every request
 * (unless lean) and every text sent, and can be slow, fail at random with configured
 * rates, rate-limit, or be told what the next requests do.
 */
export class FakeSms {
  readonly secretId = 'AKIDfakeSmsSecretId000000000000000'
  readonly secretKey = 'fakeSmsSecretKey0000000000000000'
  readonly smsSdkAppId = '1400000001'
  /** Approved signatures. */
  readonly signNames = new Set<string>(['政务服务测试'])
  /** Approved templates with their number of parameters. */
  readonly templates = new Map<string, number>([['2000001', 2]])
  /** Numbers on the 免打扰 list (FailedOperation.PhoneNumberInBlacklist). */
  readonly blacklist = new Set<string>()
  readonly received: SmsReceived[] = []
  readonly sent: SentSms[] = []
  /** Requests whatever the answer, and answers by code (`http<status>` for HTTP faults). */
  requests = 0
  readonly answers = new Map<string, number>()
  latencyMs: number
  latencyJitterMs: number
  failureRates: Partial<Record<string, number>>
  dailyLimitPerNumber: number
  url = ''
  private server!: http.Server
  private readonly lean: boolean
  private readonly random: () => number
  private readonly faults: SmsFault[] = []
  private readonly perNumberDay = new Map<string, number>()
  private rate: FakeRateLimit | null = null

  constructor(options: FakeSmsOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0
    this.latencyJitterMs = options.latencyJitterMs ?? 0
    this.failureRates = options.failureRates ?? {}
    this.dailyLimitPerNumber = options.dailyLimitPerNumber ?? 10
    this.lean = options.lean ?? false
    this.random = seededRandom(options.seed ?? 1)
    if (options.rateLimit) this.setRateLimit(options.rateLimit.perSecond, options.rateLimit.burst)
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    this.server.keepAliveTimeout = 30_000
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    return new Promise((r) => {
      this.server.close(() => r())
      this.server.closeAllConnections()
    })
  }

  /** The next `times` requests meet `fault`. */
  failNext(fault: SmsFault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push(fault)
  }

  setRateLimit(perSecond: number | null, burst?: number): void {
    this.rate = perSecond === null ? null : new FakeRateLimit(perSecond, burst)
  }

  private count(code: string): void {
    this.answers.set(code, (this.answers.get(code) ?? 0) + 1)
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const fault = this.faults.shift()
      let delay = this.latencyMs + (this.latencyJitterMs ? this.random() * this.latencyJitterMs : 0)
      if (fault && 'delayMs' in fault) delay += fault.delayMs
      const go = () => this.answer(req, res, raw, fault && !('delayMs' in fault) ? fault : undefined)
      if (delay > 0) setTimeout(go, delay)
      else go()
    })
  }


  private drawFailure(): string | undefined {
    let x: number | undefined
    for (const [code, p] of Object.entries(this.failureRates)) {
      if (!p) continue
      x ??= this.random()
      if (x < p) return code
      x -= p
    }
    return undefined
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string, fault: Exclude<SmsFault, { delayMs: number }> | undefined): void {
    this.requests += 1
    const requestId = randomUUID()
    const reply = (payload: object) => {
      const text = JSON.stringify({ Response: { ...payload, RequestId: requestId } })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    }
    const requestError = (code: string, message: string) => {
      this.count(code)
      reply({ Error: { Code: code, Message: message } })
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]))
    let body: Record<string, unknown> | undefined
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
    } catch {
      body = undefined
    }
    if (!this.lean) this.received.push({ headers, body, at: Date.now() })

    if (fault && 'httpStatus' in fault) {
      this.count(`http${fault.httpStatus}`)
      res.writeHead(fault.httpStatus, { 'content-type': 'text/html' })
      res.end(`<html><body>${fault.httpStatus}</body></html>`)
      return
    }
    if (req.method !== 'POST' || (req.url ?? '/') !== '/') {
      res.writeHead(404)
      res.end()
      return
    }

    // The signature, as Tencent checks it before anything else.
    const auth = parseTc3Authorization(headers.authorization ?? '')
    if (!auth) return requestError('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.')
    if (auth.secretId !== this.secretId) return requestError('AuthFailure.SecretIdNotFound', 'The SecretId is not found, please ensure that your SecretId is correct.')
    const timestamp = Number(headers['x-tc-timestamp'])
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return requestError('AuthFailure.SignatureExpire', 'Signature expired. Timestamp is more than 5 minutes from the server time.')
    const expected = tc3Signature({ secretId: auth.secretId, secretKey: this.secretKey, service: 'sms', host: headers.host ?? '', timestamp, payload: raw, contentType: headers['content-type'] })
    if (auth.service !== 'sms' || auth.date !== tc3Date(timestamp) || auth.signedHeaders !== 'content-type;host' || auth.signature !== expected) {
      return requestError('AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.')
    }
    if (headers['x-tc-action'] !== 'SendSms') return requestError('InvalidAction', `The action ${headers['x-tc-action']} is not found.`)
    if (headers['x-tc-version'] !== VERSION) return requestError('NoSuchVersion', `The version ${headers['x-tc-version']} is not supported.`)
    if (this.rate?.take() === false) return requestError('RequestLimitExceeded', 'Your current request times equals to `limit`.')
    if (!body) return requestError('FailedOperation.FailResolvePacket', '请求包解析失败')
    if (body.SmsSdkAppId !== this.smsSdkAppId) return requestError('UnauthorizedOperation.SmsSdkAppIdVerifyFail', 'SmsSdkAppId 校验失败')

    const injected = fault?.code ?? this.drawFailure()
    const phones = Array.isArray(body.PhoneNumberSet) ? (body.PhoneNumberSet as unknown[]).map(String) : []
    const statusOf = (phone: string, code: string, message: string, serialNo = '') => {
      this.count(code)
      return { SerialNo: serialNo, PhoneNumber: phone, Fee: code === 'Ok' ? 1 : 0, SessionContext: '', Code: code, Message: message, IsoCode: 'CN' }
    }
    if (injected && REQUEST_LEVEL.test(injected)) return requestError(injected, 'injected failure')
    if (injected) return reply({ SendStatusSet: phones.map((p) => statusOf(p, injected, 'injected failure')) })

    const signName = String(body.SignName ?? '')
    if (!this.signNames.has(signName)) return requestError('FailedOperation.SignatureIncorrectOrUnapproved', '签名未审批或格式错误')
    const templateId = String(body.TemplateId ?? '')
    const paramCount = this.templates.get(templateId)
    if (paramCount === undefined) return requestError('FailedOperation.TemplateIncorrectOrUnapproved', '模板未审批或内容不匹配')
    const params = Array.isArray(body.TemplateParamSet) ? (body.TemplateParamSet as unknown[]).map(String) : []
    if (params.length !== paramCount) return requestError('FailedOperation.TemplateParamSetNotMatchApprovedTemplate', '请求内容与审核通过的模板内容不匹配')
    if (phones.length === 0) return requestError('InvalidParameterValue.IncorrectPhoneNumber', '手机号格式错误')

    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    return reply({
      SendStatusSet: phones.map((phone) => {
        if (!/^\+861\d{10}$/.test(phone)) return statusOf(phone, 'InvalidParameterValue.IncorrectPhoneNumber', '手机号格式错误')
        if (this.blacklist.has(phone)) return statusOf(phone, 'FailedOperation.PhoneNumberInBlacklist', '手机号在免打扰名单库中')
        const key = `${phone}:${day}`
        const today = this.perNumberDay.get(key) ?? 0
        if (today >= this.dailyLimitPerNumber) return statusOf(phone, 'LimitExceeded.PhoneNumberDailyLimit', '单个手机号日下发短信条数超过设定的上限')
        this.perNumberDay.set(key, today + 1)
        const serialNo = `fake:${randomBytes(8).toString('hex')}`
        this.sent.push({ phone, templateId, params, signName, serialNo })
        return statusOf(phone, 'Ok', 'send success', serialNo)
      }),
    })
  }
}
