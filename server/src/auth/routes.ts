import type { Handlers } from '../platform/http/endpoints'
import { clientOf } from './client'
import type { AuthModule } from './module'
import { principalProfile } from './staffProfile'
import { citizenProfileOf } from './citizenLogIn'


/** Staff log-in and account endpoints: thin — the binding parsed and authenticated; services decide. */
export function authHandlers(auth: Pick<AuthModule, 'logIn' | 'accounts' | 'wechat' | 'citizenLogIn' | 'citizenProfiles' | 'citizenMobile'>): Handlers {
  return {
    staffLogIn: ({ body, ctx }) => auth.logIn().logIn(body, clientOf(ctx)),
    staffRefresh: ({ body, ctx }) => auth.logIn().refresh(body.refreshToken, clientOf(ctx)),
    staffLogOut: async ({ staff }) => {
      await auth.logIn().logOut(staff)
      return { ok: true as const }
    },
    getStaffMe: ({ staff }) => principalProfile(staff),
    staffLogInWithWeChat: ({ body, ctx }) => auth.logIn().logInWithWeChat(body.code, clientOf(ctx)),
    getStaffWeChat: ({ staff }) => auth.wechat.view(staff.id),
    bindStaffWeChat: ({ staff, body }) => auth.wechat.bind(staff, body.code),
    unbindStaffWeChat: ({ staff }) => auth.wechat.unbind(staff),
    recordStaffMessageConsent: ({ staff, body }) => auth.wechat.recordConsent(staff, body.results),
    listStaff: async ({ staff, query }) => ({ items: await auth.accounts.list(staff, query.department) }),
    createStaff: ({ staff, body }) => auth.accounts.create(staff, body),
    revokeStaffSessions: async ({ staff, params }) => ({ revoked: await auth.accounts.revokeSessions(staff, params.id) }),
    unlockStaff: ({ staff, params }) => auth.accounts.unlock(staff, params.id),
    setStaffRoles: ({ staff, params, body }) => auth.accounts.setRoles(staff, params.id, body.roles),
    setStaffDisabled: ({ staff, params, body }) => auth.accounts.setDisabled(staff, params.id, body.disabled),
    citizenLogIn: ({ body }) => auth.citizenLogIn.withWeChatCode(body.code),
    citizenDevLogIn: ({ body }) => auth.citizenLogIn.asDeveloper(body.name),
    getCitizenMe: ({ citizen }) => citizenProfileOf(citizen.account),
    updateCitizenProfile: ({ citizen, body }) => auth.citizenProfiles.update(citizen, body),
    deleteCitizenAccount: ({ citizen }) => auth.citizenProfiles.delete(citizen),
    sendMobileCode: ({ citizen, body }) => auth.citizenMobile.sendCode(citizen, body.mobile),
    verifyMobile: ({ citizen, body }) => auth.citizenMobile.verify(citizen, body.code),
    removeMobile: ({ citizen }) => auth.citizenMobile.remove(citizen),
  }
}
