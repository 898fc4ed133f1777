import { randomUUID } from 'node:crypto'
import type { CitizenProfile, CitizenSession } from '@zw/shared'
import { AppError, ForbiddenError } from '../platform/errors'
import type { WeChatClients } from '../platform/wechat/clients'
import type { CitizenTokens } from './accessTokens'
import { CitizenAccountModel, CitizenSessionModel, type CitizenAccountDoc } from './citizenModel'
import { openIdOrExplain } from './staffWeChat'

/** A citizen stays logged in for 30 days (a mini-program logs in again silently when it ends). */
export const CITIZEN_SESSION_DAYS = 30

/** A citizen's profile as they see it: never the openid or the number itself. */
export const citizenProfileOf = (a: CitizenAccountDoc): CitizenProfile => ({ id: a._id, region: a.region ?? null, groups: a.groups ?? [], hasMobile: !!a.mobile })

/**
 * 群众登录: the mini-program's `wx.login` code is exchanged for the openid (jscode2session;
 * the session_key is dropped), the citizen's account is found or made, and a session
 * with a signed access token opened. In a browser (h5) a development log-in by name
 * does the same, only where configuration enables it.
 */
export class CitizenLogIn {
  constructor(
    private readonly tokens: () => CitizenTokens | undefined,
    private readonly wechat: WeChatClients | undefined,
    private readonly devLogIn: boolean,
    private readonly now: () => Date,
  ) {}

  async withWeChatCode(code: string): Promise<CitizenSession> {
    return this.open(await openIdOrExplain(this.wechat, code))
  }

  async asDeveloper(name: string): Promise<CitizenSession> {
    if (!this.devLogIn) throw new ForbiddenError('开发用登录未开启（CITIZEN_DEV_LOGIN）')
    return this.open(`dev:${name}`)
  }

  private async open(openid: string): Promise<CitizenSession> {
    const tokens = this.tokens()
    if (!tokens) throw new AppError('SERVICE_UNAVAILABLE', '服务正在启动，请稍后再试')
    const now = this.now()
    await CitizenAccountModel.updateOne({ openid }, { $setOnInsert: { _id: randomUUID(), openid, groups: [], createdAt: now }, $set: { lastLogInAt: now } }, { upsert: true })
    const account = (await CitizenAccountModel.findOne({ openid }).lean<CitizenAccountDoc>())!
    const expiresAt = new Date(now.getTime() + CITIZEN_SESSION_DAYS * 86_400_000)
    const sid = randomUUID()
    await CitizenSessionModel.create({ _id: sid, citizenId: account._id, createdAt: now, expiresAt, revokedAt: null })
    const accessToken = tokens.sign({ sub: account._id, sid, exp: Math.floor(expiresAt.getTime() / 1000) })
    return { accessToken, expiresAt: expiresAt.toISOString(), citizen: citizenProfileOf(account) }
  }
}
