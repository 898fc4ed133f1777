import { afterEach, describe, expect, it } from 'vitest'
import { RetryPolicy } from '../../server/src/platform/delivery/retryPolicy'
import { seededRandom } from '../../server/src/platform/delivery/random'
import { createSmsClients } from '../../server/src/platform/sms/clients'
import { SmsSender, type SmsRequest, type SmsResult } from '../../server/src/platform/sms/smsProvider'
import { tc3Authorization } from '../../server/src/platform/sms/tc3Signature'
import { e164, TencentSmsClient, type TencentSmsSettings } from '../../server/src/platform/sms/tencentSms'
import { FakeSms, type FakeSmsOptions } from '../support/fakeSms'

let fake: FakeSms
async function useFake(options: FakeSmsOptions = {}) {
  fake = await new FakeSms(options).start()
  return fake
}
afterEach(async () => {
  await fake?.stop()
})

const clientOf = (extra: Partial<TencentSmsSettings> = {}) =>
  new TencentSmsClient({ baseUrl: fake.url, secretId: fake.secretId, secretKey: fake.secretKey, smsSdkAppId: fake.smsSdkAppId, timeoutMs: 2000, ...extra })
const senderOf = (extra: Partial<TencentSmsSettings> = {}) => new SmsSender(clientOf(extra))
const sms = (phone = '13800138000', params = ['稳岗返还', '11月30日']): SmsRequest => ({ phone, templateId: '2000001', params, signName: '政务服务测试' })
const policy = (maxAttempts = 5) => new RetryPolicy({ baseMs: 5, capMs: 40, maxAttempts, random: seededRandom(9) })
const codes = (r: SmsResult) => r.attempts.map((a) => a.code)

describe('TC3-HMAC-SHA256 signing', () => {
  it("matches Tencent Cloud's published example (签名方法 v3, CVM DescribeInstances)", () => {
    expect(
      tc3Authorization({
        secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
        secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
        service: 'cvm',
        host: 'cvm.tencentcloudapi.com',
        timestamp: 1551113065,
        payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
      }),
    ).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    )
  })

  it('dates the credential by the UTC day: 1551113065 is 00:44 on 26 Feb in Beijing but still the 25th in UTC', () => {
    expect(tc3Authorization({ secretId: 'id', secretKey: 'key', service: 'sms', host: 'h', timestamp: 1551113065, payload: '{}' })).toContain('Credential=id/2019-02-25/sms/tc3_request')
    expect(tc3Authorization({ secretId: 'id', secretKey: 'key', service: 'sms', host: 'h', timestamp: 1551139200, payload: '{}' })).toContain('Credential=id/2019-02-26/sms/tc3_request')
  })
})

describe('sending a text through Tencent Cloud SendSms', () => {
  it('sends a signed request shaped like SendSms, and the fake accepts the signature', async () => {
    await useFake()
    const result = await senderOf().sendWithRetries(sms(), { policy: policy() })
    expect(result.outcome).toBe('sent')
    expect(codes(result)).toEqual(['Ok'])
    expect(fake.sent).toMatchObject([{ phone: '+8613800138000', templateId: '2000001', params: ['稳岗返还', '11月30日'], signName: '政务服务测试' }])
    const [req] = fake.received
    expect(req!.headers).toMatchObject({ 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-region': 'ap-guangzhou', 'content-type': 'application/json; charset=utf-8' })
    expect(req!.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDfake\w+\/\d{4}-\d{2}-\d{2}\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/)
    expect(req!.body).toEqual({ PhoneNumberSet: ['+8613800138000'], SmsSdkAppId: fake.smsSdkAppId, SignName: '政务服务测试', TemplateId: '2000001', TemplateParamSet: ['稳岗返还', '11月30日'] })
    expect(JSON.stringify(req)).not.toContain(fake.secretKey)
  })

  it('a wrong secret key fails the signature: our credentials, not the message, so it gives up at once (to be sent later)', async () => {
    await useFake()
    const result = await senderOf({ secretKey: 'not-the-right-key-0000000000000' }).sendWithRetries(sms(), { policy: policy() })
    expect(result).toMatchObject({ outcome: 'gave-up' })
    expect(codes(result)).toEqual(['AuthFailure.SignatureFailure'])
    expect(fake.sent).toHaveLength(0)
  })

  it('a clock more than 5 minutes off: AuthFailure.SignatureExpire', async () => {
    await useFake()
    const result = await senderOf({ now: () => Date.now() - 10 * 60_000 }).sendWithRetries(sms(), { policy: policy() })
    expect(codes(result)).toEqual(['AuthFailure.SignatureExpire'])
  })

  it('InternalError twice, then Ok: three attempts recorded with their codes', async () => {
    await useFake()
    fake.failNext({ code: 'InternalError.Timeout' }, 2)
    const result = await senderOf().sendWithRetries(sms(), { policy: policy() })
    expect(result.outcome).toBe('sent')
    expect(codes(result)).toEqual(['InternalError.Timeout', 'InternalError.Timeout', 'Ok'])
    expect(fake.sent).toHaveLength(1)
  })

  it('HTTP 5xx and a timeout are transient and retried', async () => {
    await useFake()
    fake.failNext({ httpStatus: 503 })
    fake.failNext({ delayMs: 1000 })
    const result = await senderOf({ timeoutMs: 150 }).sendWithRetries(sms(), { policy: policy() })
    expect(result.outcome).toBe('sent')
    expect(codes(result)).toEqual(['HttpError.503', 'NetworkError', 'Ok'])
  })

  it('keeps failing transiently: gives up after the allowed attempts', async () => {
    await useFake()
    fake.failNext({ code: 'InternalError.SendAndRecvFail' }, 10)
    const result = await senderOf().sendWithRetries(sms(), { policy: policy(3) })
    expect(result).toMatchObject({ outcome: 'gave-up', lastError: 'injected failure' })
    expect(codes(result)).toHaveLength(3)
  })

  it('over the API rate limit (RequestLimitExceeded): retried later, every text gets through', async () => {
    await useFake({ rateLimit: { perSecond: 40, burst: 2 } })
    const sender = senderOf()
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => sender.sendWithRetries(sms(`1380013800${i}`), { policy: new RetryPolicy({ baseMs: 20, capMs: 200, maxAttempts: 30, random: seededRandom(i) }) })),
    )
    expect(results.every((r) => r.outcome === 'sent')).toBe(true)
    const limited = results.flatMap(codes).filter((c) => c === 'RequestLimitExceeded').length
    expect(limited).toBeGreaterThan(0)
    expect(limited).toBe(fake.answers.get('RequestLimitExceeded'))
    expect(new Set(fake.sent.map((s) => s.phone)).size).toBe(8)
  })

  it('per-number daily limit: LimitExceeded.PhoneNumberDailyLimit, not retried (it exists to stop repeated texts)', async () => {
    await useFake({ dailyLimitPerNumber: 2 })
    const sender = senderOf()
    for (let i = 0; i < 2; i++) expect((await sender.sendWithRetries(sms(), { policy: policy() })).outcome).toBe('sent')
    const third = await sender.sendWithRetries(sms(), { policy: policy() })
    expect(third).toMatchObject({ outcome: 'failed' })
    expect(codes(third)).toEqual(['LimitExceeded.PhoneNumberDailyLimit'])
    expect((await sender.sendWithRetries(sms('13900139000'), { policy: policy() })).outcome).toBe('sent') // other numbers are not affected
    expect(fake.requests).toBe(4)
  })

  it('a number that opted out (免打扰) is no-consent; a malformed number or an unapproved template fails at once', async () => {
    await useFake()
    fake.blacklist.add('+8613700137000')
    const sender = senderOf()
    const optedOut = await sender.sendWithRetries(sms('13700137000'), { policy: policy() })
    const badNumber = await sender.sendWithRetries(sms('12345'), { policy: policy() })
    const badTemplate = await sender.sendWithRetries({ ...sms(), templateId: '9999999' }, { policy: policy() })
    const badParams = await sender.sendWithRetries(sms('13800138000', ['只有一个']), { policy: policy() })
    expect([optedOut, badNumber, badTemplate, badParams].map((r) => [r.outcome, codes(r)])).toEqual([
      ['no-consent', ['FailedOperation.PhoneNumberInBlacklist']],
      ['failed', ['InvalidParameterValue.IncorrectPhoneNumber']],
      ['failed', ['FailedOperation.TemplateIncorrectOrUnapproved']],
      ['failed', ['FailedOperation.TemplateParamSetNotMatchApprovedTemplate']],
    ])
    expect(fake.sent).toHaveLength(0)
  })

  it('random failures at configured rates: the attempts recorded match what the provider answered', async () => {
    await useFake({ failureRates: { 'InternalError.Timeout': 0.3, 'LimitExceeded.PhoneNumberOneHourLimit': 0.05 }, seed: 3, dailyLimitPerNumber: 1000 })
    const sender = senderOf()
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => sender.sendWithRetries(sms(`1390000${String(i).padStart(4, '0')}`), { policy: policy(10) })))
    const all = results.flatMap(codes)
    expect(all.filter((c) => c === 'InternalError.Timeout').length).toBe(fake.answers.get('InternalError.Timeout'))
    expect(fake.answers.get('InternalError.Timeout')).toBeGreaterThan(0)
    expect(results.filter((r) => r.outcome === 'failed').length).toBe(fake.answers.get('LimitExceeded.PhoneNumberOneHourLimit') ?? 0)
    expect(results.filter((r) => r.outcome === 'sent').length).toBe(fake.sent.length)
    expect(fake.requests).toBe(all.length)
  })

  it('is configured from settings, and absent without credentials', async () => {
    await useFake()
    expect(createSmsClients(undefined)).toBeUndefined()
    expect(createSmsClients({ secretId: fake.secretId, smsSdkAppId: fake.smsSdkAppId, signName: '政务服务测试' })).toBeUndefined()
    const clients = createSmsClients({ baseUrl: fake.url, secretId: fake.secretId, secretKey: fake.secretKey, smsSdkAppId: fake.smsSdkAppId, signName: '政务服务测试' })!
    const result = await clients.sender.sendWithRetries({ phone: '13800138000', templateId: '2000001', params: ['a', 'b'], signName: clients.signName }, { policy: policy() })
    expect(codes(result)).toEqual(['Ok'])
  })

  it('writes mainland numbers in the E.164 form PhoneNumberSet takes', () => {
    expect(e164('13800138000')).toBe('+8613800138000')
    expect(e164('138 0013 8000')).toBe('+8613800138000')
    expect(e164('+8613800138000')).toBe('+8613800138000')
    expect(e164('12345')).toBe('12345')
  })
})
