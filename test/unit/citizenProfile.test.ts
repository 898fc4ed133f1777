import { describe, expect, it } from 'vitest'
import { ApiClientError, createApiClient, type CitizenSession, type Transport } from '@zw/shared'
import { checkDevName, devLogInMessage, orderedGroups, profileErrors, regionCascade, regionPath, regionPathName } from '../../miniapp/src/lib/citizenProfile'
import { createCitizenSessions, type SessionStorage } from '../../miniapp/src/lib/citizenSessionStore'

const HENAN = '410000000000'
const XINXIANG = '410700000000'
const HONGQI = '410702000000' // 红旗区: the table lists its towns
const CHANGYUAN = '410783000000' // 长垣市: no towns listed
const XIJIE = '410702001000' // 西街街道, a town of 红旗区

describe('the area picker of 我的', () => {
  it('names the chosen area from the province down', () => {
    expect(regionPath(HONGQI).map((r) => r.code)).toEqual([HENAN, XINXIANG, HONGQI])
    expect(regionPathName(HONGQI)).toBe('河南省 新乡市 红旗区')
    expect(regionPathName(XIJIE)).toBe('河南省 新乡市 红旗区 西街街道')
    expect(regionPathName(null)).toBeUndefined()
    expect(regionPathName('410799999000')).toBeUndefined() // not in the table
    expect(regionPath('410799999000')).toEqual([])
  })

  it('offers only the provinces when nothing is chosen', () => {
    const levels = regionCascade(null)
    expect(levels).toHaveLength(1)
    expect(levels[0]).toMatchObject({ parent: null, level: 'province', label: '省', selected: undefined })
    expect(levels[0]!.options).toHaveLength(31)
    expect(levels[0]!.options.map((r) => r.name)).toContain('河南省')
  })

  it('shows each chosen level and the next one, so the citizen can go on or stop', () => {
    const afterProvince = regionCascade(HENAN)
    expect(afterProvince.map((l) => [l.label, l.selected?.name])).toEqual([
      ['省', '河南省'],
      ['市', undefined],
    ])
    expect(afterProvince[1]!.options.map((r) => r.name)).toEqual(['新乡市'])

    const county = regionCascade(HONGQI)
    expect(county.map((l) => [l.level, l.selected?.code])).toEqual([
      ['province', HENAN],
      ['city', XINXIANG],
      ['county', HONGQI],
      ['town', undefined],
    ])
    expect(county[2]!.options.map((r) => r.name)).toContain('长垣市')
    expect(county[3]!.parent?.name).toBe('红旗区')
    expect(county[3]!.label).toBe('乡镇（街道）')

    // No towns listed under 长垣市: the picker ends at the county.
    expect(regionCascade(CHANGYUAN).map((l) => l.selected?.code)).toEqual([HENAN, XINXIANG, CHANGYUAN])
    // A province with nothing listed under it (北京市) is one level only.
    expect(regionCascade('110000000000')).toHaveLength(1)
  })

  it('falls back to the provinces for a code no longer in the table', () => {
    expect(regionCascade('410799999000').map((l) => l.level)).toEqual(['province'])
  })
})

describe('the groups and what the server refuses', () => {
  it('keeps the catalogue order of the groups whatever order they were ticked in', () => {
    expect(orderedGroups(['land-expropriated', 'farmer'])).toEqual(['farmer', 'land-expropriated'])
    expect(orderedGroups(['astronaut', 'veteran'])).toEqual(['veteran'])
  })

  it('puts each field message of a 400 by its field', () => {
    const refused = new ApiClientError(400, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改', [
      { path: 'region', message: '请从地区列表中选择所在地区' },
      { path: 'groups.0', message: '未知的身份类别' },
      { path: 'groups', message: '身份类别不能重复' },
    ])
    expect(profileErrors(refused)).toEqual({ region: '请从地区列表中选择所在地区', groups: '未知的身份类别' })
    expect(profileErrors(new ApiClientError(400, 'VALIDATION_FAILED', 'x', [{ path: 'body.groups', message: '身份类别不能重复' }]))).toEqual({ groups: '身份类别不能重复' })
    expect(profileErrors(new ApiClientError(0, 'NETWORK', '网络连接失败，请检查网络后重试'))).toEqual({ other: '网络连接失败，请检查网络后重试' })
    expect(profileErrors(new Error('boom'))).toEqual({ other: '保存失败，请稍后再试' })
  })

  it('checks the 测试账号名 as the server does, and says plainly when the browser log-in is off', () => {
    expect(checkDevName(' zhang-san ')).toEqual({ ok: true, name: 'zhang-san' })
    expect(checkDevName('Zhang San')).toEqual({ ok: false, message: '测试账号名为 2–32 位小写字母、数字或连字符' })
    expect(checkDevName('a')).toMatchObject({ ok: false })
    expect(devLogInMessage(new ApiClientError(403, 'FORBIDDEN', '开发用登录未开启（CITIZEN_DEV_LOGIN）'))).toBe('这个网页暂时不能登录（测试登录没有开启）。请在微信里打开本小程序，再点“我的”。')
    expect(devLogInMessage(new ApiClientError(429, 'RATE_LIMITED', '操作太频繁，请稍后再试'))).toBe('操作太频繁，请稍后再试')
  })
})

describe('the citizen session kept on the device', () => {
  const NOW = new Date('2026-11-23T08:00:00Z')
  const session = (token: string, expiresAt = '2026-12-23T08:00:00.000Z'): CitizenSession => ({
    accessToken: token,
    expiresAt,
    citizen: { id: 'c-1', region: null, groups: [], hasMobile: false },
  })
  /** A server that accepts only the listed tokens for getCitizenMe. */
  function setUp(valid: string[], renew?: () => Promise<CitizenSession>) {
    let stored: string | undefined
    const storage: SessionStorage = { get: () => stored, set: (v) => (stored = v), remove: () => (stored = undefined) }
    const seen: string[] = []
    const withToken = (token: string) => {
      const transport: Transport = async () => {
        seen.push(token)
        return valid.includes(token)
          ? { status: 200, data: { id: 'c-1', region: null, groups: [], hasMobile: false } }
          : { status: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } }
      }
      return createApiClient({ baseUrl: '', transport })
    }
    const sessions = createCitizenSessions({ storage, renew, withToken, now: () => NOW })
    return { sessions, seen, stored: () => stored }
  }
  const status = (p: Promise<unknown>) => p.then(() => 200, (e: ApiClientError) => e.status)

  it('never logged in: 401, and nothing is made without the citizen asking', async () => {
    let renewals = 0
    const { sessions } = setUp(['t1'], async () => {
      renewals++
      return session('t1')
    })
    expect(await status(sessions.as((c) => c.call('getCitizenMe', {})))).toBe(401)
    expect(renewals).toBe(0)
  })

  it('uses the kept token while it is good', async () => {
    const { sessions, seen } = setUp(['t1'])
    sessions.save(session('t1'))
    expect((await sessions.as((c) => c.call('getCitizenMe', {}))).id).toBe('c-1')
    expect(seen).toEqual(['t1'])
  })

  it('in the mini-program: renews silently when the token has run out or is refused, and keeps the new one', async () => {
    const fresh = ['t2', 't3']
    const { sessions, seen, stored } = setUp(['t2', 't3'], async () => session(fresh.shift()!))
    sessions.save(session('t1', '2026-11-23T08:00:30.000Z')) // ends in 30 s: renewed first
    await sessions.as((c) => c.call('getCitizenMe', {}))
    expect(seen).toEqual(['t2'])
    expect(sessions.saved()?.accessToken).toBe('t2')

    sessions.save(session('revoked'))
    await sessions.as((c) => c.call('getCitizenMe', {}))
    expect(seen).toEqual(['t2', 'revoked', 't3'])
    expect(JSON.parse(stored()!)).toMatchObject({ accessToken: 't3' })
  })

  it('in the browser: a refused or run-out token is forgotten and the page asks to log in again', async () => {
    const { sessions } = setUp(['t1'])
    sessions.save(session('revoked'))
    expect(await status(sessions.as((c) => c.call('getCitizenMe', {})))).toBe(401)
    expect(sessions.hasSession()).toBe(false)

    sessions.save(session('t1', '2026-11-01T00:00:00.000Z'))
    expect(await status(sessions.as((c) => c.call('getCitizenMe', {})))).toBe(401)
    expect(sessions.hasSession()).toBe(false)
  })

  it('gives uploads and downloads the bare token, renewed like a call when it is refused', async () => {
    const fresh = ['t2']
    const { sessions } = setUp([], async () => session(fresh.shift()!))
    sessions.save(session('revoked'))
    const used: string[] = []
    const answer = await sessions.withToken(async (token) => {
      used.push(token)
      if (token === 'revoked') throw new ApiClientError(401, 'UNAUTHENTICATED', '请先登录')
      return 'uploaded'
    })
    expect([answer, used]).toEqual(['uploaded', ['revoked', 't2']])
    // Other refusals are the caller's to show, with no renewal.
    await expect(sessions.withToken(async () => Promise.reject(new ApiClientError(400, 'VALIDATION_FAILED', '不支持的附件类型')))).rejects.toMatchObject({ status: 400 })
    expect(sessions.saved()?.accessToken).toBe('t2')
  })

  it('ignores a kept value it cannot read', () => {
    const { sessions } = setUp([])
    expect(sessions.saved()).toBeUndefined()
    sessions.save(session('t1'))
    expect(sessions.hasSession()).toBe(true)
  })
})
