import Taro from '@tarojs/taro'
import type { ApiClient, CitizenSession } from '@zw/shared'
import { api, apiWithToken } from '@/api'
import { createCitizenSessions } from './citizenSessionStore'

/**
 * The citizen's log-in (ADR 0014). In the mini-program: `wx.login` → citizenLogIn, and
 * renewed the same way, silently, when the 30-day token runs out or is refused. In the
 * browser (h5): a test log-in by name, which the server allows only with
 * CITIZEN_DEV_LOGIN=true. Only pages that need the citizen use this; reading is anonymous.
 */
export const IN_WECHAT = process.env.TARO_ENV === 'weapp'
/** The browser build logs in by a 测试账号名 instead of WeChat. */
export const DEV_LOG_IN = process.env.TARO_ENV === 'h5'

/** 我的: where a citizen logs in and keeps their area and groups. */
export const ME_PATH = '/pages/me/index'

const KEY = 'zw-citizen-session'

async function weChatSession(): Promise<CitizenSession> {
  const { code } = await Taro.login()
  return api.call('citizenLogIn', { body: { code } })
}

const sessions = createCitizenSessions({
  storage: {
    get: () => (Taro.getStorageSync(KEY) as string | undefined) || undefined,
    set: (value) => Taro.setStorageSync(KEY, value),
    remove: () => Taro.removeStorageSync(KEY),
  },
  renew: IN_WECHAT ? weChatSession : undefined,
  withToken: apiWithToken,
})

/** Whether this phone or browser keeps a citizen session. */
export const hasCitizenSession = (): boolean => sessions.hasSession()

/** A call as the logged-in citizen (401 `UNAUTHENTICATED` when there is none to use). */
export function asCitizen<T>(call: (client: ApiClient) => Promise<T>): Promise<T> {
  return sessions.as(call)
}

/** A request outside the typed client (an upload, a download) with the citizen's bearer token, renewed as asCitizen does. */
export function withCitizenToken<T>(use: (accessToken: string) => Promise<T>): Promise<T> {
  return sessions.withToken(use)
}

/** 微信登录 (mini-program). */
export async function logInWithWeChat(): Promise<CitizenSession> {
  const session = await weChatSession()
  sessions.save(session)
  return session
}

/** The browser's test log-in by name (403 where the server does not allow it). */
export async function devLogIn(name: string): Promise<CitizenSession> {
  const session = await api.call('citizenDevLogIn', { body: { name } })
  sessions.save(session)
  return session
}

/** Forgets the session on this device (the server has no citizen log-out; the token simply ages). */
export function logOut(): void {
  sessions.forget()
}

/** 注销账号: the server erases the account and ends its sessions; then it is forgotten here. */
export async function deleteAccount(): Promise<void> {
  await asCitizen((c) => c.call('deleteCitizenAccount', {}))
  sessions.forget()
}
