/**
 * A citizen's session, without Taro (the wiring is in `citizenSession.ts`, so this logic
 * can be unit-tested): the token kept in storage, renewed when it has run out or the
 * server answers 401 — where renewing needs nobody to do anything (the mini-program's
 * `wx.login`). Where it does (the browser's test log-in), the session is forgotten and
 * the page asks the person to log in again.
 */
import { ApiClientError, type ApiClient, type CitizenSession } from '@zw/shared'

export interface SessionStorage {
  get(): string | undefined
  set(value: string): void
  remove(): void
}

export interface CitizenSessionDeps {
  storage: SessionStorage
  /** A new session without asking the person (weapp: `wx.login` → citizenLogIn); absent in h5. */
  renew?: () => Promise<CitizenSession>
  /** The API client sending this bearer token. */
  withToken: (accessToken: string) => ApiClient
  now?: () => Date
}

/** A token this close to its end is renewed before use rather than refused mid-way. */
const EXPIRY_MARGIN_MS = 60_000

const notLoggedIn = () => new ApiClientError(401, 'UNAUTHENTICATED', '请先登录')

export function createCitizenSessions(deps: CitizenSessionDeps) {
  const now = deps.now ?? (() => new Date())

  function saved(): CitizenSession | undefined {
    try {
      const raw = deps.storage.get()
      if (!raw) return undefined
      const session = JSON.parse(raw) as Partial<CitizenSession>
      if (typeof session.accessToken !== 'string' || typeof session.expiresAt !== 'string') return undefined
      return session as CitizenSession
    } catch {
      return undefined
    }
  }

  function save(session: CitizenSession): void {
    deps.storage.set(JSON.stringify(session))
  }

  function forget(): void {
    deps.storage.remove()
  }

  const expired = (session: CitizenSession) => !(Date.parse(session.expiresAt) - EXPIRY_MARGIN_MS > now().getTime())

  async function renewed(): Promise<CitizenSession> {
    forget()
    if (!deps.renew) throw notLoggedIn()
    const session = await deps.renew()
    save(session)
    return session
  }

  /**
   * Runs a citizen call with the saved token. Never logged in here: 401 (the page offers
   * to log in; an account is made only when the citizen asks). Token run out, or refused
   * by the server (revoked, account gone): renewed once and the call repeated, or — where
   * it cannot be renewed silently — forgotten and 401.
   */
  async function as<T>(call: (client: ApiClient) => Promise<T>): Promise<T> {
    return withToken((token) => call(deps.withToken(token)))
  }

  /** The same with the bare token, for requests outside the typed client (uploads, downloads); they throw ApiClientError on a refusal. */
  async function withToken<T>(use: (accessToken: string) => Promise<T>): Promise<T> {
    let session = saved()
    if (!session) throw notLoggedIn()
    if (expired(session)) session = await renewed()
    try {
      return await use(session.accessToken)
    } catch (err) {
      if (!(err instanceof ApiClientError) || err.code !== 'UNAUTHENTICATED') throw err
      session = await renewed()
      return use(session.accessToken)
    }
  }

  return {
    /** Whether a session is kept (it may still need renewing). */
    hasSession: () => saved() !== undefined,
    saved,
    save,
    forget,
    as,
    withToken,
  }
}

export type CitizenSessions = ReturnType<typeof createCitizenSessions>
