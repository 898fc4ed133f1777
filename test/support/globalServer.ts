/**
 * For e2e: the app as `npm start` runs it (scripts/start.ts: h5 build check, embedded
 * FerretDB in a throw-away DATA_DIR, server) on a free port. Needs the h5 build, which
 * `npm test` makes first.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { logLines, ROOT, startServer } from './serverProcess'
import { FakeWeChat } from './fakeWeChat'
import { FakeWeChatPay } from './fakeWeChatPay'
import { FakeOfficialAccount } from './fakeOfficialAccount'
import { FakeWeibo } from './fakeWeibo'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** Connection string of the server's embedded database, for seeding and checks. */
    serverDatabase: string
    /** The fake WeChat Pay the server pays fees through (POST /__fake/pay/<out_trade_no> stands in for the payer). */
    fakePayUrl: string
    /** The fake 公众号 and 微博 the server distributes to (issue 8), and the credentials they accept. */
    channelFakes: { oaAppId: string; oaAppSecret: string; weiboAccessToken: string; weiboDomain: string }
  }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(ROOT, 'miniapp/dist-h5/index.html'))) {
    throw new Error('e2e needs the h5 build: run `npm run build:h5` (npm test does).')
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-e2e-'))
  // H5_DIR given: start.ts serves the build `npm test` just made instead of rebuilding.
  // WeChat as the server would reach it, on 127.0.0.1. Citizens log in by a test name in
  // the browser (CITIZEN_DEV_LOGIN, ADR 0014).
  const wechat = await new FakeWeChat().start()
  // WeChat Pay for the disclosure fee; its notifications go to the server (known once it listens).
  const pay = await new FakeWeChatPay({ appid: wechat.appId }).start()
  // 公众号 and 微博 (issue 8): published articles complete after one poll; the worker passes every half second.
  const oa = await new FakeOfficialAccount().start()
  const weibo = await new FakeWeibo({ boundDomain: 'www.example.gov.cn' }).start()
  const server = await startServer(
    { DATA_DIR: dataDir, H5_DIR: path.join(ROOT, 'miniapp/dist-h5'), WECHAT_API_BASE_URL: wechat.url, WECHAT_APP_ID: wechat.appId, WECHAT_APP_SECRET: wechat.appSecret, WECHAT_REVIEW_TEMPLATE_ID: 'TPL-REVIEW-REMINDER', CITIZEN_DEV_LOGIN: 'true', ...pay.env('https://zw.example.gov.cn/api/v1/pay/notify'), OFFICIAL_ACCOUNT_API_BASE_URL: oa.url, WEIBO_API_BASE_URL: weibo.url, CHANNEL_WORKER_POLL_MS: '500', CHANNEL_OA_POLL_MS: '500' },
    { entry: 'scripts/start.ts', timeoutMs: 180_000 },
  )
  const dbLine = logLines(server.output()).find((l) => l.msg === 'embedded database (FerretDB/SQLite) ready')
  // The URL is printed at once; demo content is loaded just after. Wait for it.
  const deadline = Date.now() + 120_000
  while ((await fetch(`${server.url}/api/v1/items?limit=1`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`content never became readable:\n${server.output()}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  pay.notifyUrlOverride = `${server.url}/api/v1/pay/notify`
  project.provide('baseUrl', server.url)
  project.provide('fakePayUrl', pay.url)
  project.provide('serverDatabase', String(dbLine?.db))
  project.provide('channelFakes', { oaAppId: oa.appId, oaAppSecret: oa.appSecret, weiboAccessToken: weibo.accessToken, weiboDomain: 'https://www.example.gov.cn' })
  return async () => {
    await server.stop()
    await wechat.stop()
    await pay.stop()
    await oa.stop()
    await weibo.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
