import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContentDraftInput } from '@zw/shared'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft } from '../support/content'
import { staffSession } from '../support/staff'
import { FakeWeibo } from '../support/fakeWeibo'
import { startServer, type ServerProcess } from '../support/serverProcess'
import { ChannelDeliveryModel } from '../../server/src/channels/model'

/**
 * Issue 8's crash test with a real process: the server that sends (its channel worker
 * loop) is killed with SIGKILL while a 微博 share is on the wire, then a new one is started.
 * The post that was handed over is never sent again (it is shown for checking); a post
 * whose outbox record was written but never picked up is delivered exactly once.
 */
const DEPT = 'yinchuan-civil-affairs'
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const
let t: TestApp
let weibo: FakeWeibo
let server: ServerProcess | undefined

beforeAll(async () => {
  // Slow answers: the kill lands while the share is in flight (the fake still processes it, as Weibo would).
  weibo = await new FakeWeibo({ boundDomain: 'www.example.gov.cn', latencyMs: 1500 }).start()
  t = await startTestApp()
})
afterAll(async () => {
  await server?.stop('SIGKILL')
  await t.close()
  await weibo.stop()
})

const until = async (what: string, done: () => Promise<boolean> | boolean, ms: number) => {
  const end = Date.now() + ms
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
// The lease (2.5 s) outlasts the share's 1.5 s on the wire: only a dead worker's record is taken over.
const worker = () =>
  startServer({ MONGODB_URI: t.dbUri, SEED_DEMO_CONTENT: 'false', WEIBO_API_BASE_URL: weibo.url, CHANNEL_WORKER_POLL_MS: '100', CHANNEL_LEASE_MS: '2500', LOG_LEVEL: 'warn' })

describe('channel delivery through a killed process', () => {
  it('a worker killed mid-share: not shared again after restart; a record never picked up is delivered exactly once', async () => {
    const editor = await staffSession(t, 'crash-editor', DEPT, ['editor'])
    const reviewer = await staffSession(t, 'crash-reviewer', DEPT, ['reviewer'])
    const admin = await staffSession(t, 'crash-admin', DEPT, ['department-admin'])
    await admin.api.call('saveChannelAccount', { params: { channel: 'weibo' }, body: { name: '银川民政微博', defaultOn: true, linkBase: 'https://www.example.gov.cn', credentials: { kind: 'weibo', accessToken: weibo.accessToken } } })
    const publish = async (title: string, weiboText: string) => {
      const d = await editor.api.call('createItemDraft', { body: policyDraft({ department: DEPT, title, distribution: { channels: ['weibo'], weiboText } }) as ContentDraftInput })
      await editor.api.call('submitEdition', { params: { id: d.id }, body: {} })
      await reviewer.api.call('approveEdition', { params: { id: d.id }, body: { checklist: CHECKLIST } })
      await reviewer.api.call('publishEdition', { params: { id: d.id } })
      return d.itemId
    }
    const first = await publish('银川市民政局关于临时救助的通知', '临时救助申请指南')
    server = await worker()
    await until('the share on the wire', () => weibo.calls('/2/statuses/share.json').length === 1, 30_000)
    await server.stop('SIGKILL')
    server = undefined
    // The fake finishes what it was handed: the status exists on "Weibo" though the worker never heard back.
    await until('the fake to finish', () => weibo.statuses.length === 1, 5_000)
    expect((await ChannelDeliveryModel.findById(`${first}:1:weibo`).lean())!.state).toBe('pending')

    // Published while no worker runs: its outbox record waits.
    const second = await publish('银川市民政局关于低保年审的通知', '低保年审开始')
    server = await worker()
    await until('both settled', async () => (await ChannelDeliveryModel.find({ itemId: { $in: [first, second] } }).lean()).every((d) => d.state === 'live' || d.state === 'failed'), 30_000)
    const [a, b] = [await ChannelDeliveryModel.findById(`${first}:1:weibo`).lean(), await ChannelDeliveryModel.findById(`${second}:1:weibo`).lean()]
    expect(a).toMatchObject({ state: 'failed', attempts: 1, error: '上次发送过程中断，无法确认平台是否已收到。请先到平台核实是否已发布，未发布再点「重试」' })
    expect(b).toMatchObject({ state: 'live', attempts: 1 })
    // Let the restarted worker run a few more passes: nothing more goes out.
    await new Promise((r) => setTimeout(r, 1500))
    expect(weibo.calls('/2/statuses/share.json')).toHaveLength(2)
    expect(weibo.statuses.map((s) => s.text.split(' ')[0])).toEqual(['临时救助申请指南', '低保年审开始'])
  }, 120_000)
})
