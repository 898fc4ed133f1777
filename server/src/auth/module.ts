import { ServiceUnavailableError } from '../platform/errors'
import { AccessTokens, CitizenTokens } from './accessTokens'
import { CitizenAuthenticator } from './citizenAuthenticator'
import { CitizenLogIn } from './citizenLogIn'
import { CitizenProfiles } from './citizenProfile'
import { accessTokenKey } from './authKeys'
import { LoginThrottle } from './loginThrottle'
import { authHandlers } from './routes'
import { StaffAccounts } from './staffAccounts'
import { StaffAuthenticator } from './staffAuthenticator'
import { StaffLogIn } from './staffLogIn'
import { StaffWeChat } from './staffWeChat'
import type { WeChatClients } from '../platform/wechat/clients'
import type { SmsClients } from '../platform/sms/clients'
import { CitizenMobile } from './citizenMobile'

export interface AuthModule {
  /** Log-in, refresh, log-out (ready once the signing key is loaded at start). */
  logIn(): StaffLogIn
  accounts: StaffAccounts
  authenticator: StaffAuthenticator
  wechat: StaffWeChat
  citizenLogIn: CitizenLogIn
  citizenAuthenticator: CitizenAuthenticator
  citizenProfiles: CitizenProfiles
  citizenMobile: CitizenMobile
  handlers: ReturnType<typeof authHandlers>
  start(): Promise<void>
}

/** The auth domain: staff and citizen accounts, sessions, and who a request acts for. */
export function createAuthModule(deps: { now: () => Date; wechat?: WeChatClients; citizenDevLogIn?: boolean; sms?: SmsClients; smsVerifyTemplateId?: string }): AuthModule {
  let tokens: AccessTokens | undefined
  let citizenTokens: CitizenTokens | undefined
  let logIn: StaffLogIn | undefined
  const throttle = new LoginThrottle()
  const module: AuthModule = {
    logIn: () => {
      if (!logIn) throw new ServiceUnavailableError('服务正在启动，请稍后再试')
      return logIn
    },
    accounts: new StaffAccounts(deps.now),
    authenticator: new StaffAuthenticator(() => tokens, deps.now),
    wechat: new StaffWeChat(deps.wechat, deps.now),
    citizenLogIn: new CitizenLogIn(() => citizenTokens, deps.wechat, deps.citizenDevLogIn ?? false, deps.now),
    citizenAuthenticator: new CitizenAuthenticator(() => citizenTokens, deps.now),
    citizenProfiles: new CitizenProfiles(deps.now),
    citizenMobile: new CitizenMobile(deps.sms, deps.smsVerifyTemplateId, deps.now),
    handlers: {} as ReturnType<typeof authHandlers>,
    async start() {
      const key = await accessTokenKey()
      tokens = new AccessTokens(key)
      citizenTokens = new CitizenTokens(key)
      logIn = new StaffLogIn(tokens, throttle, deps.now, deps.wechat)
    },
  }
  module.handlers = authHandlers(module)
  return module
}
