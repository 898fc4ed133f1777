import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { weekKey, type ContentDraftInput, type Distribution } from '@zw/shared'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { outcome, refusedFields, staffSession } from '../support/staff'
import { FakeOfficialAccount } from '../support/fakeOfficialAccount'
import { FakeWeibo } from '../support/fakeWeibo'
import { ChannelAccountModel, ChannelDeliveryModel, ChannelHandoverModel } from '../../server/src/channels/model'
import { AuditRecordModel } from '../../server/src/platform/audit/auditTrail'
import type { ChannelDeliverer } from '../../server/src/channels/channelDeliverer'
import { EditionModel } from '../../server/src/review/model'
import { createHash } from 'node:crypto'
import { defaultCoverPng } from '../../server/src/platform/officialAccount/defaultCover'

const DEPT = 'guiyang-hrss'
const OA = `official-account:${DEPT}`
const WEIBO = `weibo:${DEPT}`
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const never = () => new Promise<void>(() => undefined)

let oa: FakeOfficialAccount
let weibo: FakeWeibo
let t: TestApp
let people: { editor: Awaited<ReturnType<typeof staffSession>>; reviewer: Awaited<ReturnType<typeof staffSession>>; admin: Awaited<ReturnType<typeof staffSession>> }

beforeAll(async () => {
  oa = await new FakeOfficialAccount({ pollsBeforeDone: 2 }).start()
  weibo = await new FakeWeibo({ boundDomain: 'www.example.gov.cn' }).start()
  t = await startTestApp({ channels: { officialAccountBaseUrl: oa.url, weiboBaseUrl: weibo.url, retry: { baseMs: 40, capMs: 1000, maxAttempts: 5 }, pollMs: 0, leaseMs: 400, timeoutMs: 3000 } })
  people = { editor: await staffSession(t, 'chn-editor', DEPT, ['editor']), reviewer: await staffSession(t, 'chn-reviewer', DEPT, ['reviewer']), admin: await staffSession(t, 'chn-admin', DEPT, ['department-admin']) }
})
afterAll(async () => {
  await t.close()
  await oa.stop()
  await weibo.stop()
})

let n = 0
/** An item written by the editor with this distribution, approved and published by the reviewer; answers its item id. */
async function publishWith(distribution: Distribution, title = `渠道分发测试通知 第${++n}号`, attachments: ContentDraftInput['attachments'] = []): Promise<string> {
  const draft = await people.editor.api.call('createItemDraft', { body: policyDraft({ department: DEPT, title, distribution, attachments }) as ContentDraftInput })
  await people.editor.api.call('submitEdition', { params: { id: draft.id }, body: {} })
  await people.reviewer.api.call('approveEdition', { params: { id: draft.id }, body: { checklist: CHECKLIST } })
  await people.reviewer.api.call('publishEdition', { params: { id: draft.id } })
  return draft.itemId
}

/** Runs the worker until every delivery of the item is live or failed (or gives up). */
async function settle(itemId: string, deliverer: ChannelDeliverer = t.services.channels.deliverer) {
  for (let i = 0; i < 100; i++) {
    await deliverer.runDue()
    const docs = await ChannelDeliveryModel.find({ itemId }).lean()
    if (docs.length && docs.every((d) => d.state === 'live' || d.state === 'failed')) break
    await sleep(25)
  }
  return people.editor.api.call('getItemChannels', { params: { id: itemId } })
}

const weekOf = async (accountId: string) => {
  const dash = await people.admin.api.call('getCadenceDashboard', { query: { department: DEPT } })
  return dash.accounts.find((a) => a.id === accountId)?.weeks.find((w) => w.week === weekKey(new Date()))?.published ?? 0
}

describe('channel accounts', () => {
  it('a department admin connects 公众号 and 微博; credentials are sealed and never returned, logged or audited', async () => {
    expect(await outcome(people.editor.api.call('saveChannelAccount', { params: { channel: 'weibo' }, body: { name: '贵阳人社微博', defaultOn: true, linkBase: 'https://www.example.gov.cn', credentials: { kind: 'weibo', accessToken: weibo.accessToken } } }))).toBe('FORBIDDEN')
    await people.admin.api.call('saveChannelAccount', { params: { channel: 'official-account' }, body: { name: '贵阳人社公众号', defaultOn: true, credentials: { kind: 'official-account', appId: oa.appId, appSecret: oa.appSecret } } })
    const list = await people.admin.api.call('saveChannelAccount', { params: { channel: 'weibo' }, body: { name: '贵阳人社微博', defaultOn: false, linkBase: 'https://www.example.gov.cn/', credentials: { kind: 'weibo', accessToken: weibo.accessToken } } })
    expect(list.items.map((a) => [a.accountId, a.name, a.defaultOn, a.hasCredentials, a.linkBase])).toEqual([
      [OA, '贵阳人社公众号', true, true, null],
      [WEIBO, '贵阳人社微博', false, true, 'https://www.example.gov.cn'],
    ])
    // Changing the name keeps the stored credentials (write-only: omitted means unchanged).
    await people.admin.api.call('saveChannelAccount', { params: { channel: 'weibo' }, body: { name: '贵阳人社官方微博', defaultOn: false } })
    const listed = await people.editor.api.call('listChannelAccounts', {})
    expect(listed.items.find((a) => a.accountId === WEIBO)).toMatchObject({ name: '贵阳人社官方微博', hasCredentials: true })
    // Linked to the cadence: the accounts are registered publishing accounts of the department.
    const dash = await people.admin.api.call('getCadenceDashboard', { query: { department: DEPT } })
    expect(dash.accounts.map((a) => a.id)).toEqual(expect.arrayContaining([OA, WEIBO]))
    // Sealed at rest.
    const stored = JSON.stringify(await ChannelAccountModel.find().lean())
    expect(stored).not.toContain(oa.appSecret)
    expect(stored).not.toContain(weibo.accessToken)
  })

  it('refuses bad input with a Chinese message per field, and writes nothing', async () => {
    const before = JSON.stringify(await ChannelAccountModel.find().sort({ _id: 1 }).lean())
    expect(await refusedFields(people.admin.api.call('saveChannelAccount', { params: { channel: 'official-account' }, body: { name: '公', defaultOn: true, credentials: { kind: 'official-account', appId: 'gh_123', appSecret: 'short' } } }))).toEqual({
      name: '账号名称至少 2 个字',
      'credentials.appId': '应为 wx 开头的公众号 AppID',
      'credentials.appSecret': 'AppSecret 长度不正确',
    })
    expect(await refusedFields(people.admin.api.call('saveChannelAccount', { params: { channel: 'weibo' }, body: { name: '贵阳人社微博', defaultOn: true, linkBase: 'ftp://x', credentials: { kind: 'official-account', appId: oa.appId, appSecret: oa.appSecret } } }))).toEqual({
      linkBase: '请填写以 http:// 或 https:// 开头的网址',
    })
    expect(await refusedFields(people.admin.api.call('saveChannelAccount', { params: { channel: 'weibo' }, body: { name: '贵阳人社微博', defaultOn: true, credentials: { kind: 'official-account', appId: oa.appId, appSecret: oa.appSecret } } }))).toEqual({
      'credentials.kind': '请填写微博的凭据',
    })
    expect(await refusedFields(people.admin.api.call('saveChannelAccount', { params: { channel: 'video' as never }, body: { name: '贵阳人社', defaultOn: true } }))).toEqual({ 'params.channel': '渠道只能是微信公众号或微博' })
    expect(JSON.stringify(await ChannelAccountModel.find().sort({ _id: 1 }).lean())).toBe(before)
    expect(await refusedFields(people.editor.api.call('retryChannelDelivery', { params: { id: 'abc:1:weibo' } }))).toEqual({ 'params.id': '发送记录编号不正确' })
    expect(await refusedFields(people.admin.api.call('requestMassSend', { params: { id: '0123456789abcdef01234567:1:douyin' } }))).toEqual({ 'params.id': '发送记录编号不正确' })
    expect(await outcome(people.editor.api.call('retryChannelDelivery', { params: { id: '0123456789abcdef01234567:1:weibo' } }))).toBe('NOT_FOUND')
    // The edition's channel texts are checked with the edition.
    expect(await refusedFields(people.editor.api.call('createItemDraft', { body: { ...policyDraft({ department: DEPT }), distribution: { channels: ['weibo'], weiboText: '长'.repeat(121), oaTitle: '标'.repeat(65) } } as ContentDraftInput }))).toEqual({
      'distribution.weiboText': '微博文字不能超过 120 字（链接另计）',
      'distribution.oaTitle': '公众号标题不能超过 64 字',
    })
  })
})

describe('distribution on publish', () => {
  it('publish → the outbox is written with the publication; both channels go live and count on their accounts', async () => {
    const [oaBefore, weiboBefore] = [await weekOf(OA), await weekOf(WEIBO)]
    const itemId = await publishWith({ channels: ['official-account', 'weibo'], weiboText: '就业创业补贴开始申领，符合条件的请在30日内申请' })
    const pending = await people.editor.api.call('getItemChannels', { params: { id: itemId } })
    expect(pending.items.map((d) => [d.channel, d.state])).toEqual([
      ['official-account', 'pending'],
      ['weibo', 'pending'],
    ])
    const done = await settle(itemId)
    const byChannel = Object.fromEntries(done.items.map((d) => [d.channel, d]))
    expect(byChannel['official-account']).toMatchObject({ state: 'live', error: null })
    expect(byChannel['official-account']!.platformId).toMatch(/^ART_/)
    expect(byChannel['official-account']!.url).toBe(`https://mp.weixin.qq.com/s/${byChannel['official-account']!.platformId}`)
    expect(byChannel.weibo).toMatchObject({ state: 'live', error: null, url: `https://weibo.com/${weibo.uid}/${byChannel.weibo!.platformId}` })
    expect(oa.liveArticles()).toContain(byChannel['official-account']!.platformId)
    // The platforms got what they need: a cover material, a draft (title ≤ 64, sanitised HTML), a publication polled until done; a status with the link on the bound domain.
    expect(oa.calls('/cgi-bin/material/add_material')).toHaveLength(1)
    const draft = oa.calls('/cgi-bin/draft/add')[0]!.body.articles as { title: string; content: string; content_source_url?: string }[]
    expect(draft[0]!.title).toMatch(/^渠道分发测试通知/)
    expect(draft[0]!.content).toContain('<p>各区（市、县）人力资源和社会保障局：</p>')
    expect(oa.calls('/cgi-bin/freepublish/submit')).toHaveLength(1)
    expect(oa.calls('/cgi-bin/freepublish/get').length).toBeGreaterThanOrEqual(3)
    expect(weibo.statuses).toHaveLength(1)
    expect(weibo.statuses[0]!.text).toBe(`就业创业补贴开始申领，符合条件的请在30日内申请 https://www.example.gov.cn/#/pages/policy/index?id=${itemId}`)
    // Counted toward each account's weekly minimum.
    expect([await weekOf(OA), await weekOf(WEIBO)]).toEqual([oaBefore + 1, weiboBefore + 1])
    // Running again sends nothing more and counts nothing more.
    await t.services.channels.deliverer.runDue()
    expect(oa.calls('/cgi-bin/freepublish/submit')).toHaveLength(1)
    expect(weibo.statuses).toHaveLength(1)
    expect([await weekOf(OA), await weekOf(WEIBO)]).toEqual([oaBefore + 1, weiboBefore + 1])
    // Finishing the publication again (the repair of a publication left halfway) writes no second outbox record.
    const edition = (await people.editor.api.call('getStaffItem', { params: { id: itemId } })).editions[0]!
    expect(await t.services.channels.outbox.published({ itemId, edition: edition.number, department: DEPT, content: policyDraft({ distribution: { channels: ['official-account', 'weibo'] } }) })).toBe(0)
    expect(await ChannelDeliveryModel.countDocuments({ itemId })).toBe(2)
  })

  it('a platform failing twice then succeeding: retried with growing waits, every attempt recorded', async () => {
    weibo.fail('/2/statuses/share.json', { httpStatus: 502 }).fail('/2/statuses/share.json', { code: 10023, message: 'User requests out of rate limit!' })
    const sharesBefore = weibo.calls('/2/statuses/share.json').length
    const itemId = await publishWith({ channels: ['weibo'] })
    const done = await settle(itemId)
    expect(done.items).toHaveLength(1)
    expect(done.items[0]).toMatchObject({ channel: 'weibo', state: 'live', attempts: 3 })
    expect(weibo.calls('/2/statuses/share.json').length - sharesBefore).toBe(3)
    const doc = (await ChannelDeliveryModel.findById(done.items[0]!.id).lean())!
    expect(doc.log.map((l) => [l.n, l.ok, l.code])).toEqual([
      [1, false, -2],
      [2, false, 10023],
      [3, true, 0],
    ])
    expect(doc.log[1]!.message).toContain('该微博账号请求过于频繁')
    expect(doc.log.map((l) => l.platform)).toEqual(['HTTP 502', 'User requests out of rate limit!', null])
    // Backoff: 40 ms after the first failure, 80 ms after the second.
    const gap = (a: number, b: number) => new Date(doc.log[b]!.at).getTime() - new Date(doc.log[a]!.at).getTime()
    expect(gap(0, 1)).toBeGreaterThanOrEqual(40)
    expect(gap(1, 2)).toBeGreaterThanOrEqual(80)
    // The text without a Weibo text of the editor's: 【title】summary, within the limit, with the link.
    expect(weibo.statuses.at(-1)!.text).toMatch(/^【渠道分发测试通知 第\d+号】明确就业创业补贴的对象、标准和申领流程。 https:\/\/www\.example\.gov\.cn\//)
  })

  it('a permanent failure is shown with its message and retried by hand by an editor', async () => {
    weibo.fail('/2/statuses/share.json', { code: 10017, message: 'the url is not in the safe domain of the app' })
    oa.failNextPublication(4)
    const itemId = await publishWith({ channels: ['official-account', 'weibo'] })
    const failed = await settle(itemId)
    const byChannel = Object.fromEntries(failed.items.map((d) => [d.channel, d]))
    expect(byChannel.weibo).toMatchObject({ state: 'failed', attempts: 1, actions: ['retry'] })
    expect(byChannel.weibo!.error).toBe('链接不在微博应用绑定的安全域名内，请管理员在微博开放平台绑定域名或修改链接域名（错误码 10017）')
    expect(byChannel['official-account']).toMatchObject({ state: 'failed', error: '平台审核不通过，未能发布（发布状态 4）' })
    // Reviewers and admins see it, but only editors retry.
    expect((await people.reviewer.api.call('getItemChannels', { params: { id: itemId } })).items.every((d) => d.actions.length === 0)).toBe(true)
    expect(await outcome(people.reviewer.api.call('retryChannelDelivery', { params: { id: byChannel.weibo!.id } }))).toBe('FORBIDDEN')
    for (const d of failed.items) {
      const after = await people.editor.api.call('retryChannelDelivery', { params: { id: d.id } })
      expect(after.items.find((x) => x.id === d.id)!.state).toBe('pending')
    }
    expect(await outcome(people.editor.api.call('retryChannelDelivery', { params: { id: byChannel.weibo!.id } }))).toBe('CONFLICT') // not failed any more
    const retried = await settle(itemId)
    expect(retried.items.map((d) => [d.channel, d.state, d.error])).toEqual([
      ['official-account', 'live', null],
      ['weibo', 'live', null],
    ])
    expect(await AuditRecordModel.countDocuments({ action: 'channels.delivery-retried', subject: `content:${itemId}` })).toBe(2)
  })

  it('the minute job and the worker loop of one process never work at once: a share still on the wire is not taken for an interrupted one', async () => {
    const job = t.services.channels.jobs.find((j) => j.name === 'deliver-channel-posts')!
    const deliverer = t.services.channels.deliverer
    const original = deliverer.runDue.bind(deliverer)
    let passes = 0
    let inFlight = 0
    let most = 0
    deliverer.runDue = async (limit?: number) => {
      passes += 1
      most = Math.max(most, ++inFlight)
      try {
        await sleep(200) // longer than nothing: the second run comes while the first is working
        return await original(limit)
      } finally {
        inFlight -= 1
      }
    }
    try {
      const ctx = { logger: t.logger } as never
      await Promise.all([job.run(ctx), job.run(ctx)])
    } finally {
      deliverer.runDue = original
    }
    expect({ passes, most }).toEqual({ passes: 1, most: 1 })
  })

  it('a worker that dies after the outbox is written, or while handing over, never sends twice; a restarted worker delivers exactly once', async () => {
    const submitsBefore = oa.calls('/cgi-bin/freepublish/submit').length
    const sharesBefore = weibo.calls('/2/statuses/share.json').length
    const itemId = await publishWith({ channels: ['official-account', 'weibo'], weiboText: '崩溃测试：只发一次' })
    // Worker A dies right after claiming its first delivery (nothing recorded, nothing sent).
    void t.services.channels.newDeliverer({ afterClaim: never }).runDue()
    await sleep(100)
    // Worker B dies after recording the hand-over of the other, before the request goes out.
    void t.services.channels.newDeliverer({ beforeHandOver: never }).runDue()
    await sleep(100)
    expect(oa.calls('/cgi-bin/freepublish/submit').length - submitsBefore + weibo.calls('/2/statuses/share.json').length - sharesBefore).toBe(0)
    expect((await ChannelHandoverModel.find().lean()).filter((h) => h._id.startsWith(`${itemId}:`))).toHaveLength(1)
    // After the leases run out, a restarted worker takes both over.
    await sleep(450)
    const after = await settle(itemId, t.services.channels.newDeliverer())
    const states = after.items.map((d) => d.state).sort()
    // The one that died before recording anything is delivered; the one that died mid-hand-over is not sent again but shown for checking.
    expect(states).toEqual(['failed', 'live'])
    const interrupted = after.items.find((d) => d.state === 'failed')!
    expect(interrupted.error).toBe('上次发送过程中断，无法确认平台是否已收到。请先到平台核实是否已发布，未发布再点「重试」')
    const sent = () => oa.calls('/cgi-bin/freepublish/submit').length - submitsBefore + weibo.calls('/2/statuses/share.json').length - sharesBefore
    expect(sent()).toBe(1)
    // The editor checked the platform: not there. 重试 sends it, once.
    await people.editor.api.call('retryChannelDelivery', { params: { id: interrupted.id } })
    const final = await settle(itemId, t.services.channels.newDeliverer())
    expect(final.items.map((d) => d.state)).toEqual(['live', 'live'])
    expect(sent()).toBe(2)
    expect(weibo.statuses.filter((s) => s.text.startsWith('崩溃测试：只发一次'))).toHaveLength(1)
  })

  it('withdrawing deletes the 公众号 article and asks for a manual Weibo deletion; an admin may mass-send once a day', async () => {
    const itemId = await publishWith({ channels: ['official-account', 'weibo'], weiboText: '撤回测试' })
    const live = await settle(itemId)
    const oaDelivery = live.items.find((d) => d.channel === 'official-account')!
    expect(oaDelivery.actions).toEqual([])
    const adminView = await people.admin.api.call('getItemChannels', { params: { id: itemId } })
    expect(adminView.items.find((d) => d.channel === 'official-account')!.actions).toEqual(['mass-send'])
    expect(await outcome(people.editor.api.call('requestMassSend', { params: { id: oaDelivery.id } }))).toBe('FORBIDDEN')
    const sent = await people.admin.api.call('requestMassSend', { params: { id: oaDelivery.id } })
    expect(sent.items.find((d) => d.id === oaDelivery.id)!.massSentAt).not.toBeNull()
    expect(oa.massSends).toHaveLength(1)
    // Another article the same day: refused by us before WeChat is asked.
    const other = await publishWith({ channels: ['official-account'] })
    const otherOa = (await settle(other)).items[0]!
    const refused = (await people.admin.api.call('requestMassSend', { params: { id: otherOa.id } }).catch((e: unknown) => e)) as { code: string; message: string }
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toBe('今天已群发过（订阅号每天只能群发 1 次），请明天再试')
    expect(oa.massSends).toHaveLength(1)

    await people.reviewer.api.call('withdrawItem', { params: { id: itemId }, body: { explanation: '该通知内容有误，撤回后重新发布。' } })
    const corrected = await people.editor.api.call('getItemChannels', { params: { id: itemId } })
    expect(corrected.items.map((d) => [d.channel, d.correction?.state])).toEqual([
      ['official-account', 'deleted'],
      ['weibo', 'manual'],
    ])
    expect(corrected.items.find((d) => d.channel === 'weibo')!.correction!.message).toContain('手动删除')
    expect(oa.liveArticles()).not.toContain(oaDelivery.platformId)
    expect(oa.calls('/cgi-bin/freepublish/delete').map((r) => r.body.article_id)).toEqual([oaDelivery.platformId])
  })

  it('a 服务号 may mass-send four times a month: the admin says which kind the account is, the fifth is refused before WeChat is asked', async () => {
    const accounts = await people.admin.api.call('saveChannelAccount', { params: { channel: 'official-account' }, body: { name: '贵阳人社服务号', defaultOn: true, oaKind: 'service' } })
    expect(accounts.items.find((a) => a.accountId === OA)).toMatchObject({ oaKind: 'service', hasCredentials: true })
    expect(accounts.items.find((a) => a.accountId === WEIBO)!.oaKind).toBeNull()
    expect(await refusedFields(people.admin.api.call('saveChannelAccount', { params: { channel: 'official-account' }, body: { name: '贵阳人社服务号', defaultOn: true, oaKind: 'enterprise' as never } }))).toEqual({ oaKind: '公众号类型只能是订阅号或服务号' })
    const before = oa.massSends.length
    oa.newMassSendPeriod(4) // WeChat's own quota of a 服务号
    for (let i = 1; i <= 5; i++) {
      const itemId = await publishWith({ channels: ['official-account'] }, `服务号群发测试 第${i}篇`)
      const delivery = (await settle(itemId)).items[0]!
      const answer = (await people.admin.api.call('requestMassSend', { params: { id: delivery.id } }).catch((e: unknown) => e)) as { code?: string; message?: string }
      if (i <= 4) expect(answer.message, `mass send ${i}`).toBeUndefined()
      else {
        expect(answer.code).toBe('CONFLICT')
        expect(answer.message).toBe('本月群发次数已用完（服务号每月只能群发 4 次），请下月再试')
      }
    }
    expect(oa.massSends.length - before).toBe(4)
    const audit = await AuditRecordModel.find({ action: 'channels.account-changed', subject: `account:${OA}` }).sort({ at: -1 }).limit(1).lean()
    expect(audit[0]).toMatchObject({ before: { oaKind: 'subscription' }, after: { oaKind: 'service' } })
    await people.admin.api.call('saveChannelAccount', { params: { channel: 'official-account' }, body: { name: '贵阳人社公众号', defaultOn: true, oaKind: 'subscription' } })
  })

  it('an item with a picture: it is the 公众号 cover and the 微博 picture', async () => {
    const png = defaultCoverPng(120, 80, [0x10, 0x60, 0xb0])
    const key = `${createHash('sha256').update(png).digest('hex')}.png`
    await t.services.content.storage.put(key, png)
    const materialsBefore = oa.calls('/cgi-bin/material/add_material').length
    const itemId = await publishWith({ channels: ['official-account', 'weibo'], weiboText: '带图测试' }, '带图的通知', [{ name: '图解.png', url: `/api/v1/files/${key}`, mime: 'image/png', size: png.length }])
    const done = await settle(itemId)
    expect(done.items.map((d) => d.state)).toEqual(['live', 'live'])
    const uploads = oa.calls('/cgi-bin/material/add_material').slice(materialsBefore)
    expect(uploads.map((u) => u.body.__fileBytes)).toEqual([[png.length]])
    const draft = oa.calls('/cgi-bin/draft/add').at(-1)!.body.articles as { thumb_media_id: string }[]
    expect(draft[0]!.thumb_media_id).not.toBe((await ChannelAccountModel.findById(OA).lean())!.coverMediaId)
    const share = weibo.calls('/2/statuses/share.json').at(-1)!
    expect([share.body.__files, share.body.__fileBytes]).toEqual([['pic'], [png.length]])
    expect(weibo.statuses.at(-1)).toMatchObject({ pic: true })
  })

  it('a publication left halfway is finished with its outbox; the sweeper writes records that are missing', async () => {
    // As if the process died inside the publication step, before the outbox was written: the edition is published, not marked done, no outbox.
    const itemId = await publishWith({ channels: ['weibo'], weiboText: '中断修复测试' })
    await ChannelDeliveryModel.deleteMany({ itemId })
    await EditionModel.updateOne({ itemId, number: 1 }, { $set: { itemPublished: false } })
    expect(await t.services.review.scheduledPublisher.publishDue(new Date(Date.now() + 5 * 60_000))).toBeGreaterThanOrEqual(1)
    expect((await ChannelDeliveryModel.find({ itemId }).lean()).map((d) => [d.channel, d.state])).toEqual([['weibo', 'pending']])
    // An outbox record lost some other way: the sweeper writes it again, once.
    await ChannelDeliveryModel.deleteMany({ itemId })
    expect(await t.services.channels.outbox.sweep()).toBe(1)
    expect(await t.services.channels.outbox.sweep()).toBe(0)
    const done = await settle(itemId)
    expect(done.items.map((d) => [d.channel, d.state])).toEqual([['weibo', 'live']])
    expect(weibo.statuses.filter((s) => s.text.startsWith('中断修复测试'))).toHaveLength(1)
  })

  it('credentials never appear in API responses, logs or the audit trail', async () => {
    const secrets = [oa.appSecret, weibo.accessToken]
    const responses = JSON.stringify([await people.admin.api.call('listChannelAccounts', {}), await people.admin.api.call('getCadenceDashboard', { query: { department: DEPT } })])
    const audit = JSON.stringify(await AuditRecordModel.find().lean())
    for (const s of secrets) {
      expect(responses).not.toContain(s)
      expect(t.rawLogs()).not.toContain(s)
      expect(audit).not.toContain(s)
    }
    // The logs did record the work (so the check above looked at something).
    expect(t.rawLogs()).toContain('channel delivery attempt failed')
    expect(audit).toContain('channels.account-connected')
  })
})
