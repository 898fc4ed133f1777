import Taro from '@tarojs/taro'
import { ApiClientError, type ApiClient, type StaffSession } from '@zw/shared'
import { api, apiWithToken } from '@/api'

const KEY = 'zw-staff-session'

export function savedSession(): StaffSession | undefined {
  try {
    const raw = Taro.getStorageSync(KEY) as string | undefined
    return raw ? (JSON.parse(raw) as StaffSession) : undefined
  } catch {
    return undefined
  }
}

function save(session: StaffSession | undefined): void {
  if (session) Taro.setStorageSync(KEY, JSON.stringify(session))
  else Taro.removeStorageSync(KEY)
}

export async function logIn(username: string, password: string): Promise<StaffSession> {
  const session = await api.call('staffLogIn', { body: { username, password } })
  save(session)
  return session
}

/** 微信登录 (mini-program only): the `wx.login` code of a member of staff who bound their WeChat. */
export async function logInWithWeChat(): Promise<StaffSession> {
  const { code } = await Taro.login()
  const session = await api.call('staffLogInWithWeChat', { body: { code } })
  save(session)
  return session
}

/**
 * Staff calls with the saved access token; an expired token is refreshed once with the
 * refresh token (which the server replaces) and the call repeated. When that fails too,
 * the session is forgotten and the caller shows the log-in form.
 */
export async function asStaff<T>(call: (client: ApiClient) => Promise<T>): Promise<T> {
  return withStaffToken((token) => call(apiWithToken(token)))
}

/** The same with the bare access token, for requests outside the typed client (uploads, downloads), which throw ApiClientError on a refusal. */
export async function withStaffToken<T>(use: (accessToken: string) => Promise<T>): Promise<T> {
  const session = savedSession()
  if (!session) throw new ApiClientError(401, 'UNAUTHENTICATED', '请先登录')
  try {
    return await use(session.accessToken)
  } catch (err) {
    if (!(err instanceof ApiClientError) || err.code !== 'UNAUTHENTICATED') throw err
    let renewed: StaffSession
    try {
      renewed = await api.call('staffRefresh', { body: { refreshToken: session.refreshToken } })
    } catch (refreshErr) {
      save(undefined)
      throw refreshErr
    }
    save(renewed)
    return use(renewed.accessToken)
  }
}

export async function logOut(): Promise<void> {
  try {
    await asStaff((c) => c.call('staffLogOut', {}))
  } finally {
    save(undefined)
  }
}
