import { describe, expect, it } from 'vitest'
import { checkDraftText, contentDraftSchema, DEFAULT_WORDING_RULES, findWordingErrors, mask, passesLuhn, residentIdCheckChar } from '@zw/shared'

const idNumber = (first17: string) => first17 + residentIdCheckChar(first17)
const luhnCard = (prefix: string) => {
  for (let d = 0; d < 10; d++) if (passesLuhn(prefix + d)) return prefix + d
  throw new Error('no check digit')
}
const today = new Date('2026-11-22T00:00:00Z')

const policy = (over: { title?: string; body?: string; summary?: string; disclosure?: string }) =>
  contentDraftSchema.parse({
    type: 'policy',
    title: over.title ?? '关于调整最低生活保障标准的通知',
    department: 'yinchuan-civil-affairs',
    topics: ['social-assistance'],
    regions: ['640100000000'],
    summary: over.summary ?? '',
    body: over.body ?? '<p>自2026年1月1日起执行。</p>',
    policy: { docNumber: '银民发〔2018〕12号', writtenOn: '2018-03-01', issuer: '银川市民政局', validity: { status: 'valid' }, disclosure: over.disclosure ?? 'proactive' },
  })

describe('pre-publication checks', () => {
  it('find an ID number, a mobile number and a bank card inside longer text, with offsets into the field and a masked suggestion', () => {
    const id = idNumber('64010419800101123')
    const card = luhnCard('622202020011223344')
    const body = `<p>申请人张某（身份证号${id}，电话13912345678）领取补贴，银行卡${card}。</p>`
    const findings = checkDraftText(policy({ body }), DEFAULT_WORDING_RULES, today)
    const personal = findings.filter((f) => f.check === 'personal-data')
    expect(personal.map((f) => body.slice(f.start, f.end))).toEqual([id, '13912345678', card])
    expect(personal.every((f) => f.field === 'body' && f.blocking && f.overridable)).toBe(true)
    expect(personal[0]!.message).toBe('发现疑似身份证号码，公开前须去标识化处理')
    expect(personal[0]!.suggestion).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`)
  })

  it('do not flag numbers that only look like personal data: 索引号, 文号, dates, amounts, an ID with a wrong check digit', () => {
    const id = idNumber('64010419800101123')
    const wrongCheck = id.slice(0, 17) + (id[17] === '1' ? '2' : '1')
    const body = `<p>索引号：640100-108/2018-46173，文号银民发〔2018〕12号，2018年3月1日印发，补助资金640104198001011元。号码${wrongCheck}无效。</p>`
    expect(checkDraftText(policy({ body }), DEFAULT_WORDING_RULES, today)).toEqual([])
  })

  it('find outdated and wrong official names with the right form, but not inside longer words', () => {
    const text = '会同国土资源部门和国家发改委，按国土资源部要求'
    const found = findWordingErrors(text, DEFAULT_WORDING_RULES)
    expect(found.map((f) => [text.slice(f.start, f.end), f.rule.right])).toEqual([
      ['国家发改委', '国家发展改革委'],
      ['国土资源部', '自然资源部'],
    ])
    const findings = checkDraftText(policy({ title: '中华人民共合国政府信息公开条例解读', body: '' }), DEFAULT_WORDING_RULES, today)
    expect(findings).toEqual([expect.objectContaining({ check: 'wording', field: 'title', start: 0, end: 7, suggestion: '中华人民共和国', blocking: true })])
  })

  it('refuse to publish a policy that is not 主动公开, and that cannot be overridden', () => {
    const findings = checkDraftText(policy({ disclosure: 'on-application' }), DEFAULT_WORDING_RULES, today)
    expect(findings).toEqual([expect.objectContaining({ check: 'disclosure', field: 'policy.disclosure', blocking: true, overridable: false })])
  })

  it('mask keeps the ends and stars the middle', () => {
    expect(mask('13912345678')).toBe('139****5678')
    expect(mask('1234567')).toBe('*******')
  })
})
