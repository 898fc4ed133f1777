import { describe, expect, it } from 'vitest'
import { findPersonalData, isResidentIdNumber, passesLuhn, residentIdCheckChar } from '@zw/shared'

const TODAY = new Date('2026-11-21T00:00:00Z')
/** The findings as [kind, the text found]. */
const find = (text: string) => findPersonalData(text, TODAY).map((f) => [f.kind, text.slice(f.start, f.end)])

describe('resident ID numbers (GB 11643)', () => {
  it('computes the check character, X included', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
    expect(residentIdCheckChar('64010419850612123')).toBe('7')
  })

  it('accepts real dates only, up to today, with the right check character', () => {
    expect(isResidentIdNumber('11010519491231002X', TODAY)).toBe(true)
    expect(isResidentIdNumber('11010519491231002x', TODAY)).toBe(true)
    expect(isResidentIdNumber('520102200002294564', TODAY)).toBe(true) // 29 Feb 2000
    expect(isResidentIdNumber('640104198506121238', TODAY)).toBe(false) // wrong check character
    expect(isResidentIdNumber('640104198513121237', TODAY)).toBe(false) // month 13
    expect(isResidentIdNumber('520102190002294560', TODAY)).toBe(false) // 1900 was not a leap year
    expect(isResidentIdNumber('010104198506121237', TODAY)).toBe(false) // region code cannot start with 0
    const future = `52010220300101123`
    expect(isResidentIdNumber(future + residentIdCheckChar(future), TODAY)).toBe(false)
  })
})

describe('findPersonalData', () => {
  it('finds an ID number hidden in running text, with its offsets', () => {
    const text = '申请人张三，身份证号640104198506121237，现住三元区。'
    const [f] = findPersonalData(text, TODAY)
    expect(f).toEqual({ kind: 'id-card', start: 10, end: 28 })
    expect(text.slice(f!.start, f!.end)).toBe('640104198506121237')
    expect(find('持证人李四（11010519491231002x）')).toEqual([['id-card', '11010519491231002x']])
    expect(find('身份证 110105 19491231 002X 已核验')).toEqual([['id-card', '110105 19491231 002X']])
  })

  it('does not flag numbers that only look like IDs: 索引号, 文号, credit codes, longer serials, bad dates or check characters', () => {
    for (const text of [
      '索引号：640100-108/2018-46173',
      '索引号：11520100MB1C12345X/2018-00012',
      '统一社会信用代码 91110000100000589B',
      '文号：银民发〔2018〕46号，成文日期 2018-02-26',
      '档案编号12345678901234567890',
      '编号640104198513121237',
      '编号A640104198506121237',
      '电话 0951-5012345，邮编 750001',
      '流水号 12345678901',
    ]) {
      expect(find(text), text).toEqual([])
    }
  })

  it('finds mobile numbers however they are written', () => {
    expect(find('联系电话13800138000。')).toEqual([['mobile', '13800138000']])
    expect(find('手机：+86 138 0013 8000')).toEqual([['mobile', '+86 138 0013 8000']])
    expect(find('手机：138-0013-8000')).toEqual([['mobile', '138-0013-8000']])
    expect(find('手机１３８００１３８０００')).toEqual([['mobile', '１３８００１３８０００']])
    expect(find('张三 13800138000 13900139000')).toEqual([
      ['mobile', '13800138000'],
      ['mobile', '13900139000'],
    ])
  })

  it('finds bank card numbers that pass the Luhn check', () => {
    expect(passesLuhn('6222021234567890128')).toBe(true)
    expect(passesLuhn('6222021234567890127')).toBe(false)
    expect(find('补贴发放至 6222 0212 3456 7890 128 账户')).toEqual([['bank-card', '6222 0212 3456 7890 128']])
    expect(find('卡号6228480012345671')).toEqual([['bank-card', '6228480012345671']])
    expect(find('卡号6222021234567890127')).toEqual([])
  })

  it('reports several findings in text order', () => {
    const text = '王五，身份证350404197001010016，电话13900139000，社保卡6228480012345671。'
    expect(find(text).map(([kind]) => kind)).toEqual(['id-card', 'mobile', 'bank-card'])
  })
})
