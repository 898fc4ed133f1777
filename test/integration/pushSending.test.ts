import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, CampaignBody } from '@zw/shared'
import { CitizenAccountModel } from '../../server/src/auth/citizenModel'
import { HandoverLog } from '../../server/src/push/handoverLog'
import { CampaignSender, type SenderSettings, type WeChatPusher } from '../../server/src/push/campaignSender'
import { recountCampaign } from '../../server/src/push/campaignRecount'
import { CampaignModel, PushDeliveryModel } from '../../server/src/push/model'
import { DeliveryOutcomeModel } from '../../server/src/push/deliveryModel'
import { NO_QUIET_HOURS, startTestApp, type TestApp } from '../support/app'
import { policyDraft, published } from '../support/content'
import { FakeWeChat } from '../support/fakeWeChat'
import { staffSession } from '../support/staff'

const DEPT = 'xinxiang-gov-office'
const NOTICE = 'TPL-NOTICE-LONG'
let fake: FakeWeChat
let t: TestApp
let itemId: string
let n = 0
beforeAll(async () => {
  fake = await new FakeWeChat({ templates: [NOTICE] }).start()
  t = await startTestApp({
    wechat: { baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, miniprogramState: 'formal' },
    pushTemplates: { 'policy-notice': { templateId: NOTICE, longTerm: true } },
    pushRetry: { baseMs: 5, capMs: 20, maxAttempts: 3 },
  })
  itemId = await published(policyDraft({ department: DEPT, title: '新乡市征地补偿标准调整的通知' }), new Date())
  await t.services.content.readModel.syncNow()
})
afterAll(async () => {
  await t.close()
  await fake.stop()
})

/** A citizen logged in through WeChat, living in `region`, subscribed to `topic` there, with long-term consent (in WeChat and in our ledger) unless said. */
async function citizen(region: string, opts: { topic?: string; consent?: 'both' | 'ledger-only' | 'none' } = {}): Promise<{ api: ApiClient; id: string; openid: string }> {
  const openid = `o-push-${++n}-${Math.random().toString(36).slice(2, 8)}`
  const s = await t.api.call('citizenLogIn', { body: { code: fake.loginCode(openid) } })
  const api = t.asStaff(s.accessToken)
  await api.call('updateCitizenProfile', { body: { region, groups: [] } })
  await api.call('setSubscriptions', { body: { subscriptions: [{ topic: (opts.topic ?? 'land-acquisition-compensation') as never, frequency: 'immediate' }] } })
  const consent = opts.consent ?? 'both'
  if (consent !== 'none') await api.call('recordConsents', { body: { results: [{ templateId: NOTICE, result: 'accept' }] } })
  if (consent === 'both') fake.grant(openid, NOTICE, 'long-term')
  return { api, id: s.citizen.id, openid }
}

async function approvedCampaign(over: Partial<CampaignBody> = {}, urgent = false): Promise<string> {
  const editor = (await staffSession(t, `send-editor-${++n}`, DEPT, ['editor'])).api
  const reviewer = (await staffSession(t, `send-reviewer-${++n}`, DEPT, ['reviewer'])).api
  const c = await editor.call('createCampaign', {
    body: {
      name: `征地补偿提醒 ${n}`,
      audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: ['410700000000'], groups: [] },
      itemId,
      message: { title: '征地补偿标准调整', text: '新乡市调整了征地补偿标准，请点开查看。' },
      channels: { wechat: true, sms: false },
      sendAt: null,
      ...over,
    },
  })
  if (urgent) await (await staffSession(t, `send-admin-${++n}`, DEPT, ['department-admin'])).api.call('actOnCampaign', { params: { id: c.id }, body: { action: 'markUrgent', reason: '暴雨避险，须立即告知' } })
  await editor.call('actOnCampaign', { params: { id: c.id }, body: { action: 'submit' } })
  await reviewer.call('actOnCampaign', { params: { id: c.id }, body: { action: 'approve' } })
  return c.id
}

/** Twelve subscribers of 征地补偿 in `region`, and an approved campaign to them. */
async function twelveAndACampaign(region: string) {
  const people = []
  for (let i = 0; i < 12; i++) people.push(await citizen(region))
  const id = await approvedCampaign({ audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: [region], groups: [] } })
  return { people, id }
}

/** A sender of windows of 4 on the test app's WeChat that calls `after` with the number of messages sent so far, after each. */
function senderOfFours(windowsInFlight: number, after: (sends: number) => Promise<void> | void, settings: Partial<SenderSettings> = {}): CampaignSender {
  const real = (t.services.push.sender as unknown as { deps: { wechat: WeChatPusher } }).deps.wechat
  let sends = 0
  const wechat: WeChatPusher = {
    send: async (m, onWrite) => {
      const r = await real.send(m, onWrite)
      await after(++sends)
      return r
    },
  }
  return new CampaignSender({ templates: t.services.push.templates, ledger: t.services.push.consentLedger, wechat, now: () => new Date(), logger: t.logger }, { window: 4, windowsInFlight, quietHours: NO_QUIET_HOURS, ...settings })
}

const sentTo = (campaignId: string) => fake.delivered.filter((m) => m.page.includes(`c=${campaignId}`)).map((m) => m.touser)
/** Sends with a sender whose clock is `at` (Beijing wall-clock times in the tests). */
const senderAt = (at: string, settings = {}) =>
  new CampaignSender({ templates: t.services.push.templates, ledger: t.services.push.consentLedger, wechat: (t.services.push.sender as unknown as { deps: { wechat: never } }).deps.wechat, now: () => new Date(`${at}+08:00`), logger: t.logger }, settings)

describe('sending a campaign', () => {
  it('reaches exactly the citizens concerned: WeChat where consent is left, the inbox for everyone, counted', async () => {
    const a = await citizen('410721000000')
    const b = await citizen('410702000000')
    const noConsent = await citizen('410725000000', { consent: 'none' })
    const elsewhere = await citizen('520102000000')
    const otherTopic = await citizen('410721000000', { topic: 'employment-subsidies' })
    const id = await approvedCampaign()
    await t.services.push.sender.sendDue()
    expect(sentTo(id).sort()).toEqual([a.openid, b.openid].sort())
    const message = fake.delivered.find((m) => m.touser === a.openid && m.page.includes(id))!
    expect(message).toMatchObject({ template_id: NOTICE, miniprogram_state: 'formal', data: { thing1: { value: '征地补偿标准调整' }, thing2: { value: '新乡市人民政府办公室' } } })
    expect(message.page).toMatch(new RegExp(`^pages/policy/index\\?id=${itemId}&c=${id}&d=`))
    const campaign = await t.asStaff((await staffSession(t, `send-reader-${++n}`, DEPT, ['reviewer'])).session.accessToken).call('getCampaign', { params: { id } })
    expect(campaign.state).toBe('sent')
    expect(campaign.sentAt).not.toBeNull()
    expect(campaign.stats).toEqual({ targeted: 3, sent: { wechat: 2, sms: 0, inbox: 3 }, failed: {}, skipped: { cap: 0, noConsent: 1 }, unconfirmed: 0, inboxRead: 0, linkOpened: 0 })
    // The counters kept while sending are what the records say.
    expect(await recountCampaign(id)).toEqual(campaign.stats)
    for (const c of [a, b, noConsent]) expect((await c.api.call('getInbox', { query: {} })).messages.map((m) => m.title)).toContain('征地补偿标准调整')
    for (const c of [elsewhere, otherTopic]) expect((await c.api.call('getInbox', { query: {} })).messages).toEqual([])
    // Reading it is counted once on the campaign.
    const inbox = await a.api.call('getInbox', { query: {} })
    await a.api.call('markInboxRead', { params: { id: inbox.messages[0]!.id } })
    await a.api.call('markInboxRead', { params: { id: inbox.messages[0]!.id } })
    expect((await CampaignModel.findById(id).lean())!.stats.inboxRead).toBe(1)
    // Opening the page from the message (its link carries the delivery) counts once too.
    const delivery = new URL(`https://x/${message.page}`).searchParams.get('d')!
    await a.api.call('markInboxOpened', { params: { id: delivery } })
    await a.api.call('markInboxOpened', { params: { id: delivery } })
    expect((await CampaignModel.findById(id).lean())!.stats.linkOpened).toBe(1)
    await expect(b.api.call('markInboxOpened', { params: { id: delivery } })).rejects.toMatchObject({ status: 404 })
    // Sending again finds nothing to do and sends nothing twice.
    expect(await t.services.push.sender.sendDue()).toBe(0)
    expect(sentTo(id)).toHaveLength(2)
  })

  it('caps pushes at two a day per citizen across campaigns; the third lands in the inbox only', async () => {
    const c = await citizen('410721000000')
    const ids = [await approvedCampaign(), await approvedCampaign(), await approvedCampaign()]
    await t.services.push.sender.sendDue()
    expect(ids.map((id) => sentTo(id).filter((o) => o === c.openid).length)).toEqual([1, 1, 0])
    const third = await DeliveryOutcomeModel.findById(`${ids[2]}:${c.id}`).lean()
    expect(third).toMatchObject({ channel: 'inbox', status: 'capped' })
    expect((await CampaignModel.findById(ids[2]).lean())!.stats.skipped.cap).toBeGreaterThanOrEqual(1)
    expect((await c.api.call('getInbox', { query: {} })).messages).toHaveLength(3)
  })

  it('43101 from WeChat: the message stays in the inbox, the consent is marked used up and the citizen is told', async () => {
    const c = await citizen('410721000000', { consent: 'ledger-only' })
    const id = await approvedCampaign()
    await t.services.push.sender.sendDue()
    expect(sentTo(id)).not.toContain(c.openid)
    expect(await DeliveryOutcomeModel.findById(`${id}:${c.id}`).lean()).toMatchObject({ channel: 'wechat', status: 'no-consent', code: '43101' })
    expect((await c.api.call('getConsents', {})).consents[0]).toMatchObject({ state: 'none' })
    expect((await c.api.call('getInbox', { query: {} })).messages).toHaveLength(1)
  })

  it('waits for the quiet hours to end unless urgent', async () => {
    const c = await citizen('410721000000')
    const id = await approvedCampaign()
    await senderAt('2026-11-22T23:10:00').sendDue()
    const held = await CampaignModel.findById(id).lean()
    expect(held).toMatchObject({ state: 'sending', waitingUntil: new Date('2026-11-23T08:00:00+08:00') })
    const reader = (await staffSession(t, `quiet-reader-${++n}`, DEPT, ['reviewer'])).api
    expect((await reader.call('getCampaign', { params: { id } })).waitingUntil).toBe('2026-11-23T00:00:00.000Z')
    expect(sentTo(id)).toEqual([])
    expect(await PushDeliveryModel.countDocuments({ campaignId: id })).toBe(0)
    // At 08:00 it goes (a later sender takes over the held campaign).
    await senderAt('2026-11-23T08:00:30').sendDue()
    expect(sentTo(id)).toContain(c.openid)
    expect((await CampaignModel.findById(id).lean())!.state).toBe('sent')
    // An urgent one (flagged by a department admin, with a reason) goes at night.
    const urgent = await approvedCampaign({}, true)
    await senderAt('2026-11-23T23:30:00').sendDue()
    expect(sentTo(urgent)).toContain(c.openid)
  })

  it('pause stops between windows; resume carries on where it stopped, nobody twice, counts exact', async () => {
    const { people, id } = await twelveAndACampaign('410711000000')
    const editor = (await staffSession(t, `send-pauser-${++n}`, DEPT, ['editor'])).api
    // One window of 4 at a time; the 5th message pauses the campaign.
    await senderOfFours(1, async (sends) => {
      if (sends === 5) await editor.call('actOnCampaign', { params: { id }, body: { action: 'pause' } })
    }).sendDue()
    const paused = await CampaignModel.findById(id).lean()
    expect(paused!.state).toBe('paused')
    expect(sentTo(id)).toHaveLength(8)
    await editor.call('actOnCampaign', { params: { id }, body: { action: 'resume' } })
    await t.services.push.sender.sendDue()
    expect(sentTo(id).sort()).toEqual(people.map((p) => p.openid).sort())
    expect((await CampaignModel.findById(id).lean())!.stats).toMatchObject({ targeted: 12, sent: { wechat: 12, sms: 0, inbox: 12 }, unconfirmed: 0 })
  })

  it('two windows in flight: a pause lets both finish and counts them, starts no third; resume sends the rest once', async () => {
    const { people, id } = await twelveAndACampaign('410703000000')
    const editor = (await staffSession(t, `send-pauser-${++n}`, DEPT, ['editor'])).api
    // Windows of 4, two in flight: the second is recorded while the first is on the wire; the first message pauses the campaign.
    await senderOfFours(2, async (sends) => {
      if (sends === 1) await editor.call('actOnCampaign', { params: { id }, body: { action: 'pause' } })
    }).sendDue()
    const paused = await CampaignModel.findById(id).lean()
    expect(paused!.state).toBe('paused')
    expect(sentTo(id)).toHaveLength(8)
    expect(paused!.stats).toMatchObject({ targeted: 8, sent: { wechat: 8, sms: 0, inbox: 8 }, unconfirmed: 0 })
    expect(await recountCampaign(id)).toEqual(paused!.stats)
    await editor.call('actOnCampaign', { params: { id }, body: { action: 'resume' } })
    await t.services.push.sender.sendDue()
    expect(sentTo(id).sort()).toEqual(people.map((p) => p.openid).sort())
    expect((await CampaignModel.findById(id).lean())!.stats).toMatchObject({ targeted: 12, sent: { wechat: 12, sms: 0, inbox: 12 }, unconfirmed: 0 })
  })
})

describe('shutting down', () => {
  it('a sender told to stop finishes the windows out, counts them and lets the campaign go; another resumes it at once, nobody twice', async () => {
    const { people, id } = await twelveAndACampaign('410704000000')
    // SIGTERM once the first message went; a long lease: only the sender letting go frees the campaign before it runs out.
    const stopping: CampaignSender = senderOfFours(2, (sends) => void (sends === 1 && stopping.stop()), { leaseMs: 10 * 60_000 })
    expect(await stopping.sendDue()).toBe(1)
    const letGo = await CampaignModel.findById(id).lean()
    expect(letGo!.state).toBe('sending')
    expect(letGo!.lease!.until.getTime()).toBeLessThan(Date.now())
    expect(sentTo(id)).toHaveLength(8)
    expect(letGo!.stats).toMatchObject({ targeted: 8, sent: { wechat: 8, inbox: 8 }, unconfirmed: 0 })
    expect(await stopping.sendDue()).toBe(0) // a stopped sender claims nothing

    await t.services.push.sender.sendDue()
    const done = (await CampaignModel.findById(id).lean())!
    expect(done.state).toBe('sent')
    expect(done.runs).toBe(2)
    expect(sentTo(id).sort()).toEqual(people.map((p) => p.openid).sort())
    expect(done.stats).toMatchObject({ targeted: 12, sent: { wechat: 12, inbox: 12 }, unconfirmed: 0 })
    expect(await recountCampaign(id)).toEqual(done.stats)
  })
})

describe('handing a window over', () => {
  it('puts every message of a window on the wire at once: none waits in the pool behind a busy connection after it was recorded (ADR 0016)', async () => {
    const now = new Date()
    const openids = Array.from({ length: 64 }, (_, i) => `o-window-${i}`)
    await CitizenAccountModel.insertMany(
      openids.map((openid, i) => ({
        _id: `window-${i}`, openid, region: '410727000000', groups: [], mobile: null,
        subscriptions: [{ topic: 'land-acquisition-compensation', region: '410727000000', frequency: 'immediate', digestAt: null }],
        consents: [{ templateId: NOTICE, kind: 'long-term', granted: 1, usedFloor: 0, updatedAt: now }],
        createdAt: now, lastLogInAt: now,
      })),
    )
    for (const openid of openids) fake.grant(openid, NOTICE, 'long-term')
    const id = await approvedCampaign({ audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: ['410727000000'], groups: [] } })
    fake.latencyMs = 200
    fake.resetMaxSendsInFlight()
    try {
      await t.services.push.sender.sendDue()
    } finally {
      fake.latencyMs = 0
    }
    expect(sentTo(id).sort()).toEqual([...openids].sort())
    expect(fake.stats().maxSendsInFlight).toBe(64)
  })

  it('records the next window while one is on the wire; it waits in the pool and goes out as connections free (ADR 0026)', async () => {
    const now = new Date()
    const openids = Array.from({ length: 128 }, (_, i) => `o-pair-${i}`)
    await CitizenAccountModel.insertMany(
      openids.map((openid, i) => ({
        _id: `pair-${String(i).padStart(3, '0')}`, openid, region: '410783000000', groups: [], mobile: null,
        subscriptions: [{ topic: 'land-acquisition-compensation', region: '410783000000', frequency: 'immediate', digestAt: null }],
        consents: [{ templateId: NOTICE, kind: 'long-term', granted: 1, usedFloor: 0, updatedAt: now }],
        createdAt: now, lastLogInAt: now,
      })),
    )
    for (const openid of openids) fake.grant(openid, NOTICE, 'long-term')
    const id = await approvedCampaign({ audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: ['410783000000'], groups: [] } })
    const recorded = () => PushDeliveryModel.countDocuments({ campaignId: id })
    fake.latencyMs = 1500
    fake.resetMaxSendsInFlight()
    try {
      const sending = t.services.push.sender.sendDue()
      // Both windows are recorded while WeChat has answered nothing yet: one window at a time would record the second only after the first's answers.
      while ((await recorded()) < 128 && sentTo(id).length === 0) await new Promise((r) => setTimeout(r, 20))
      expect(sentTo(id)).toHaveLength(0)
      expect(await recorded()).toBe(128)
      await sending
    } finally {
      fake.latencyMs = 0
    }
    expect(sentTo(id).sort()).toEqual([...openids].sort())
    // 64 connections (window × (windows in flight − 1)): the second window waited for them, it did not open more.
    expect(fake.stats().maxSendsInFlight).toBe(64)
    expect(await recountCampaign(id)).toEqual((await CampaignModel.findById(id).lean())!.stats)
  })
})

describe('after a sender died', () => {
  it('sends what it recorded but never handed over (its hand-over log on this machine says so), and never what it may have handed over', async () => {
    const unsent = await citizen('410724000000')
    const handed = await citizen('410724000000')
    const written = await citizen('410724000000')
    const notWritten = await citizen('410724000000')
    const untouched = await citizen('410724000000')
    const id = await approvedCampaign({ audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: ['410724000000'], groups: [] } })
    // As a dead sender on this machine left it: window 4 handed over (a record from before
    // message marks); window 5 recorded but never started; window 6 started, its first
    // message written to a connection, its second not yet (it died in between).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-handover-test-'))
    fs.writeFileSync(path.join(dir, 'dead-sender.log'), '1\n2\n3\n4\n6\n6:0\n6:40\n')
    const now = new Date()
    await PushDeliveryModel.insertMany([
      { _id: `${id}:${handed.id}`, campaignId: id, citizenId: handed.id, at: now, own: null, via: 'wechat', h: 'dead-sender:4' },
      { _id: `${id}:${unsent.id}`, campaignId: id, citizenId: unsent.id, at: now, own: null, via: 'wechat', h: 'dead-sender:5:0' },
      { _id: `${id}:${written.id}`, campaignId: id, citizenId: written.id, at: now, own: null, via: 'wechat', h: 'dead-sender:6:0' },
      { _id: `${id}:${notWritten.id}`, campaignId: id, citizenId: notWritten.id, at: now, own: null, via: 'wechat', h: 'dead-sender:6:1' },
    ])
    await CampaignModel.updateOne({ _id: id }, { $set: { state: 'sending', runs: 1, lease: { owner: 'dead-sender', until: new Date(Date.now() - 1000) } } })
    const wechat = (t.services.push.sender as unknown as { deps: { wechat: never } }).deps.wechat
    try {
      await new CampaignSender({ templates: t.services.push.templates, ledger: t.services.push.consentLedger, wechat, now: () => new Date(), logger: t.logger }, { handoverDir: dir, quietHours: NO_QUIET_HOURS }).sendDue()
      expect(sentTo(id).sort()).toEqual([unsent.openid, notWritten.openid, untouched.openid].sort())
      const stats = (await CampaignModel.findById(id).lean())!.stats
      expect(stats).toMatchObject({ targeted: 5, sent: { wechat: 3, inbox: 5 }, unconfirmed: 2 })
      expect(await recountCampaign(id)).toEqual(stats)
      // Were this sender to die now too, the next one would not send the two it recovered again: it marked them.
      const marks = HandoverLog.read(dir)
      expect(['dead-sender:5:0', 'dead-sender:6:1'].map((h) => marks.neverHandedOver(h, 'wechat'))).toEqual([false, false])
      expect(marks.neverHandedOver('dead-sender:6:2', 'wechat')).toBe(true)
      expect(['dead-sender:6:40', 'dead-sender:6:41', 'dead-sender:6:100'].map((h) => marks.neverHandedOver(h, 'sms'))).toEqual([false, true, true])
      expect(marks.neverHandedOver('dead-sender:6:2', 'inbox-only')).toBe(false)
      expect(marks.neverHandedOver('elsewhere:1:0', 'wechat')).toBe(false) // a sender on another machine: cannot be judged here
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('retries by error code', () => {
  it('retries -1 and goes through; does not retry 47003; every attempt recorded with its code', async () => {
    const ok = await citizen('410726000000')
    const id = await approvedCampaign({ audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: ['410726000000'], groups: [] } })
    fake.failNext('/cgi-bin/message/subscribe/send', -1, 2)
    await t.services.push.sender.sendDue()
    expect(await DeliveryOutcomeModel.findById(`${id}:${ok.id}`).lean()).toMatchObject({ status: 'sent', attempts: [{ code: '-1' }, { code: '-1' }, { code: '0' }] })
    const id2 = await approvedCampaign({ audience: { topics: ['land-acquisition-compensation'], topicMatch: 'any', regions: ['410726000000'], groups: [] } })
    fake.failNext('/cgi-bin/message/subscribe/send', 47003, 1)
    await t.services.push.sender.sendDue()
    expect(await DeliveryOutcomeModel.findById(`${id2}:${ok.id}`).lean()).toMatchObject({ status: 'failed', code: '47003', attempts: [{ code: '47003' }] })
    expect((await CampaignModel.findById(id2).lean())!.stats.failed).toEqual({ '47003': 1 })
  })
})

describe('the subscription feed and corrections', () => {
  it('publishing an item tells its immediate subscribers (areas overlapping either way); withdrawing it sends a correction to those who got it', async () => {
    const county = await citizen('410781000000', { topic: 'social-assistance' })
    const city = await citizen('410700000000', { topic: 'social-assistance' })
    const digest = await citizen('410781000000', { topic: 'social-assistance' })
    await digest.api.call('setSubscriptions', { body: { subscriptions: [{ topic: 'social-assistance', frequency: 'digest', digestAt: '19:30' }] } })
    const elsewhere = await citizen('410782000000', { topic: 'social-assistance' })
    const editor = (await staffSession(t, `feed-editor-${++n}`, DEPT, ['editor'])).api
    const reviewer = (await staffSession(t, `feed-reviewer-${++n}`, DEPT, ['reviewer'])).api
    const draft = await editor.call('createItemDraft', { body: policyDraft({ department: DEPT, title: '卫辉市城乡低保标准提高的通知', topics: ['social-assistance'], regions: ['410781000000'] }) as never })
    await editor.call('submitEdition', { params: { id: draft.id }, body: {} })
    await reviewer.call('approveEdition', { params: { id: draft.id }, body: { checklist: { political: true, legal: true, secrecy: true, wording: true } } })
    await reviewer.call('publishEdition', { params: { id: draft.id } })
    await t.services.push.sender.sendDue()
    const alert = await CampaignModel.findOne({ kind: 'alert', itemTitle: '卫辉市城乡低保标准提高的通知' }).lean()
    expect(alert).toMatchObject({ state: 'sent', approvedBy: { name: '随内容审核' } })
    const alertId = alert!._id.toString()
    expect(sentTo(alertId).sort()).toEqual([county.openid, city.openid].sort())
    expect((await elsewhere.api.call('getInbox', { query: {} })).messages).toEqual([])

    const itemId = alert!.itemId
    await reviewer.call('withdrawItem', { params: { id: itemId }, body: { explanation: '标准以市政府新文件为准。' } })
    await t.services.push.sender.sendDue()
    const correction = await CampaignModel.findOne({ kind: 'correction', itemId }).lean()
    expect(correction).toMatchObject({ state: 'sent', sourceCampaigns: [alertId] })
    expect(sentTo(correction!._id.toString()).sort()).toEqual([county.openid, city.openid].sort())
    const inbox = await county.api.call('getInbox', { query: {} })
    expect(inbox.messages[0]).toMatchObject({ correction: true, text: expect.stringContaining('已撤回《卫辉市城乡低保标准提高的通知》') })
  })
})

describe('每天汇总', () => {
  it('a digest subscriber hears nothing at once, then one message at their time listing what was published for them, once', async () => {
    const c = await citizen('410781000000', { topic: 'disaster-relief' })
    await c.api.call('setSubscriptions', { body: { subscriptions: [{ topic: 'disaster-relief', frequency: 'digest', digestAt: '19:30' }] } })
    const now = await citizen('410781000000', { topic: 'disaster-relief' })
    const editor = (await staffSession(t, `digest-editor-${++n}`, DEPT, ['editor'])).api
    const reviewer = (await staffSession(t, `digest-reviewer-${++n}`, DEPT, ['reviewer'])).api
    for (const title of ['卫辉市冬季救灾物资发放公告', '卫辉市受灾群众临时救助办法']) {
      const d = await editor.call('createItemDraft', { body: policyDraft({ department: DEPT, title, topics: ['disaster-relief'], regions: ['410781000000'] }) as never })
      await editor.call('submitEdition', { params: { id: d.id }, body: {} })
      await reviewer.call('approveEdition', { params: { id: d.id }, body: { checklist: { political: true, legal: true, secrecy: true, wording: true } } })
      await reviewer.call('publishEdition', { params: { id: d.id } })
    }
    await t.services.push.sender.sendDue()
    expect((await now.api.call('getInbox', { query: {} })).messages).toHaveLength(2)
    expect((await c.api.call('getInbox', { query: {} })).messages).toEqual([])
    // At 19:30 Beijing time: one digest (another minute: none for them).
    const today = new Date()
    const at = (hhmm: string) => new Date(`${today.toISOString().slice(0, 10)}T${hhmm}:00+08:00`)
    const slot = at('19:30').getTime() < today.getTime() ? new Date(at('19:30').getTime() + 86_400_000) : at('19:30')
    expect(await t.services.push.digests.send(new Date(slot.getTime() - 60_000))).toBe(0)
    expect(await t.services.push.digests.send(slot)).toBeGreaterThanOrEqual(1)
    await t.services.push.digests.send(slot)
    const inbox = await c.api.call('getInbox', { query: {} })
    expect(inbox.messages).toHaveLength(1)
    expect(inbox.messages[0]).toMatchObject({ title: '今日订阅汇总：2 条', text: '《卫辉市冬季救灾物资发放公告》；《卫辉市受灾群众临时救助办法》' })
    expect(fake.delivered.filter((m) => m.touser === c.openid && m.data.thing1?.value === '今日订阅汇总：2 条')).toHaveLength(1)
  })
})
