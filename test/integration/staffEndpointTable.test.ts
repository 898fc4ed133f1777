import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { endpoints, formatShanghaiDate, formatShanghaiDateTime, residentIdCheckChar, type ContentDraftInput, type StaffRole } from '@zw/shared'
import { startTestApp, type TestApp } from '../support/app'
import { policyDraft, published } from '../support/content'
import { FakeWeChat } from '../support/fakeWeChat'
import { ensureMiniProgramAccount } from '../../server/src/cadence/publishingAccounts'
import { ChannelAccountRegistrar } from '../../server/src/cadence/channelAccountRegistrar'
import { outcome, staffSession } from '../support/staff'
import { FakeOfficialAccount } from '../support/fakeOfficialAccount'
import { ChannelAccountModel, ChannelDeliveryModel } from '../../server/src/channels/model'
import { sealCredentials } from '../../server/src/channels/credentials'

/**
 * Every staff endpoint × every role × own or other department. The tables of
 * staffAuth.test.ts (accounts), review.test.ts (writing and reviewing) and
 * livePublication.test.ts (published items) cover the endpoints listed in
 * COVERED_ELSEWHERE; this file covers the rest, and fails when an endpoint of the
 * contract is in neither — a new staff endpoint needs its row.
 */
const COVERED_ELSEWHERE = {
  'staffAuth.test.ts': ['getStaffMe', 'listStaff', 'createStaff', 'revokeStaffSessions', 'unlockStaff', 'setStaffDisabled', 'setStaffRoles'],
  'review.test.ts': ['createItemDraft', 'getEdition', 'updateEdition', 'submitEdition', 'approveEdition', 'rejectEdition', 'publishEdition'],
  'livePublication.test.ts': ['getStaffItem', 'startItemEdition', 'discardEdition', 'withdrawItem', 'unpublishItem', 'changeItemValidity'],
}

type Role = 'editor' | 'reviewer' | 'department-admin' | 'platform-admin'
type Where = 'own' | 'other'
const ROLES: Role[] = ['editor', 'reviewer', 'department-admin', 'platform-admin']
const F = { own: 'FORBIDDEN', other: 'FORBIDDEN' }
const OWN_ONLY = { own: 'OK', other: 'FORBIDDEN' }
/** Endpoints about oneself or one's own department only: there is no "other". */
const SELF = (own: string) => ({ own, other: 'n/a' })
// Written out, not derived from the code under test.
const EXPECTED: Record<string, Record<Role, { own: string; other: string }>> = {
  recallEdition: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
  scheduleEdition: { editor: F, reviewer: OWN_ONLY, 'department-admin': F, 'platform-admin': F },
  unscheduleEdition: { editor: F, reviewer: OWN_ONLY, 'department-admin': F, 'platform-admin': F },
  forcePublishEdition: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': F },
  completeRetrospectiveReview: { editor: F, reviewer: OWN_ONLY, 'department-admin': F, 'platform-admin': F },
  listReviewTasks: { editor: SELF('FORBIDDEN'), reviewer: SELF('OK'), 'department-admin': SELF('FORBIDDEN'), 'platform-admin': SELF('FORBIDDEN') },
  listReviewQueue: { editor: SELF('FORBIDDEN'), reviewer: SELF('OK'), 'department-admin': SELF('FORBIDDEN'), 'platform-admin': SELF('FORBIDDEN') },
  listMyEditions: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  listStaffItems: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  getDepartmentDashboard: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  getWordingRules: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  putWordingRules: { editor: SELF('FORBIDDEN'), reviewer: SELF('FORBIDDEN'), 'department-admin': SELF('FORBIDDEN'), 'platform-admin': SELF('OK') },
  listAudit: { editor: SELF('FORBIDDEN'), reviewer: SELF('FORBIDDEN'), 'department-admin': SELF('FORBIDDEN'), 'platform-admin': SELF('OK') },
  getStaffWeChat: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  bindStaffWeChat: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  recordStaffMessageConsent: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  unbindStaffWeChat: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  staffLogOut: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  getCadenceDashboard: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  pausePublishingAccount: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  resumePublishingAccount: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  // A department's overview; the platform's (no department) is for platform admins only (cadenceOverview.test.ts).
  getCadenceOverview: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  getCadenceReport: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  listCadenceTasks: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  registerPublishingAccount: { editor: SELF('FORBIDDEN'), reviewer: SELF('FORBIDDEN'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  recordChannelPost: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
  setPublishingAccountRule: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  updateAccountColumn: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  listCampaigns: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  createCampaign: { editor: SELF('OK'), reviewer: SELF('FORBIDDEN'), 'department-admin': SELF('FORBIDDEN'), 'platform-admin': SELF('FORBIDDEN') },
  getCampaign: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  updateCampaign: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
  // Cancelling a draft: anyone who works on the department's campaigns.
  actOnCampaign: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  previewAudience: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  // 依申请公开: the department's handlers (editor, reviewer, admin); approvals are the reviewers' and admins' (disclosure.test.ts).
  listDisclosures: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  registerDisclosure: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  getDisclosure: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  actOnDisclosure: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  listDisclosureTasks: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  getWorkingCalendar: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  loadWorkingCalendarYear: { editor: SELF('FORBIDDEN'), reviewer: SELF('FORBIDDEN'), 'department-admin': SELF('FORBIDDEN'), 'platform-admin': SELF('OK') },
  getDisclosureReport: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  setDisclosureReportEntries: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  // 两微 (issue 8): accounts are the department's; credentials only by its admin; 重试 by its editors; 群发 by its admin.
  listChannelAccounts: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  saveChannelAccount: { editor: SELF('FORBIDDEN'), reviewer: SELF('FORBIDDEN'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  getItemChannels: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  retryChannelDelivery: { editor: OWN_ONLY, reviewer: F, 'department-admin': F, 'platform-admin': F },
  requestMassSend: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': F },
  // 互动交流 (issue 9): the department's handlers work the queue; moderation, reviewed replies, publishing and reports are its reviewers' and admins' (interaction.test.ts).
  listStaffMessages: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  getStaffMessage: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  actOnMessage: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  getMessageStats: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  listInteractionTasks: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  getInteractionSettings: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  putInteractionSettings: { editor: F, reviewer: F, 'department-admin': OWN_ONLY, 'platform-admin': { own: 'OK', other: 'OK' } },
  getSensitiveWords: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('OK') },
  putSensitiveWords: { editor: SELF('FORBIDDEN'), reviewer: SELF('FORBIDDEN'), 'department-admin': SELF('FORBIDDEN'), 'platform-admin': SELF('OK') },
  listStaffConsultations: { editor: SELF('OK'), reviewer: SELF('OK'), 'department-admin': SELF('OK'), 'platform-admin': SELF('FORBIDDEN') },
  createConsultation: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  getStaffConsultation: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  updateConsultation: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  actOnConsultation: { editor: F, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  listConsultationComments: { editor: OWN_ONLY, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
  moderateConsultationComment: { editor: F, reviewer: OWN_ONLY, 'department-admin': OWN_ONLY, 'platform-admin': F },
}

const OWN = 'guiyang-hrss' as const
const OTHER = 'xinxiang-gov-office' as const
const CHECKLIST = { political: true, legal: true, secrecy: true, wording: true } as const
let fake: FakeWeChat
let oa: FakeOfficialAccount
let t: TestApp

beforeAll(async () => {
  fake = await new FakeWeChat().start()
  oa = await new FakeOfficialAccount().start()
  t = await startTestApp({ wechat: { baseUrl: fake.url, appId: fake.appId, appSecret: fake.appSecret, reviewTemplateId: 'TPL-REVIEW-REMINDER' }, channels: { officialAccountBaseUrl: oa.url } })
})
afterAll(async () => {
  await t.close()
  await fake.stop()
  await oa.stop()
})

describe('every staff endpoint × every role × own or other department', () => {
  it('has a row for each staff endpoint of the contract, here or in another table', () => {
    const staffEndpoints = Object.entries(endpoints)
      .filter(([, e]) => (e as { auth?: string }).auth === 'staff')
      .map(([name]) => name)
      .sort()
    const covered = [...Object.values(COVERED_ELSEWHERE).flat(), ...Object.keys(EXPECTED)].sort()
    expect(covered).toEqual(staffEndpoints)
  })

  it('matches the table', async () => {
    let n = 0
    const session = (dept: string, roles: StaffRole[]) => staffSession(t, `tbl2-${roles.join('-')}-${++n}`, dept, roles)
    const people = {
      own: { author: await session(OWN, ['editor']), checker: await session(OWN, ['reviewer']), admin: await session(OWN, ['department-admin']) },
      other: { author: await session(OTHER, ['editor']), checker: await session(OTHER, ['reviewer']), admin: await session(OTHER, ['department-admin']) },
    }
    /** An edition of that department, taken to `state` by its own people. */
    const editionIn = async (where: Where, state: 'draft' | 'submitted' | 'approved' | 'scheduled') => {
      const p = people[where]
      const e = await p.author.api.call('createItemDraft', { body: policyDraft({ department: where === 'own' ? OWN : OTHER, title: `权限表测试 ${++n}` }) as ContentDraftInput })
      if (state !== 'draft') await p.author.api.call('submitEdition', { params: { id: e.id }, body: {} })
      if (state === 'approved' || state === 'scheduled') await p.checker.api.call('approveEdition', { params: { id: e.id }, body: { checklist: CHECKLIST } })
      if (state === 'scheduled') await p.checker.api.call('scheduleEdition', { params: { id: e.id }, body: { at: new Date(Date.now() + 3600_000).toISOString() } })
      return e.id
    }
    /** A retrospective-review task of that department (its admin force-publishes an edition). */
    const retrospectiveTaskIn = async (where: Where) => {
      const id = await editionIn(where, 'draft')
      await people[where].admin.api.call('forcePublishEdition', { params: { id }, body: { reason: '权限表测试：强制发布理由。' } })
      const task = (await people[where].checker.api.call('listReviewTasks', {})).items.find((x) => x.editionId === id)
      return task!.id
    }
    const calls: Record<string, (role: Role, where: Where) => Promise<unknown>> = {
      recallEdition: async (role, where) => (await actor(role)).api.call('recallEdition', { params: { id: await editionIn(where, 'submitted') } }),
      scheduleEdition: async (role, where) =>
        (await actor(role)).api.call('scheduleEdition', { params: { id: await editionIn(where, 'approved') }, body: { at: new Date(Date.now() + 3600_000).toISOString() } }),
      unscheduleEdition: async (role, where) => (await actor(role)).api.call('unscheduleEdition', { params: { id: await editionIn(where, 'scheduled') } }),
      forcePublishEdition: async (role, where) =>
        (await actor(role)).api.call('forcePublishEdition', { params: { id: await editionIn(where, 'submitted') }, body: { reason: '权限表测试：强制发布理由。' } }),
      completeRetrospectiveReview: async (role, where) =>
        (await actor(role)).api.call('completeRetrospectiveReview', { params: { id: await retrospectiveTaskIn(where) }, body: { outcome: 'confirmed' } }),
      listReviewTasks: async (role) => (await actor(role)).api.call('listReviewTasks', {}),
      listReviewQueue: async (role) => (await actor(role)).api.call('listReviewQueue', {}),
      listMyEditions: async (role) => (await actor(role)).api.call('listMyEditions', {}),
      listStaffItems: async (role) => (await actor(role)).api.call('listStaffItems', { query: {} }),
      getDepartmentDashboard: async (role) => (await actor(role)).api.call('getDepartmentDashboard', {}),
      getWordingRules: async (role) => (await actor(role)).api.call('getWordingRules', {}),
      putWordingRules: async (role) => {
        const a = await actor(role)
        const rules = (await people.own.author.api.call('getWordingRules', {})).rules
        return a.api.call('putWordingRules', { body: { rules } })
      },
      listAudit: async (role) => (await actor(role)).api.call('listAudit', { query: {} }),
      getStaffWeChat: async (role) => (await actor(role)).api.call('getStaffWeChat', {}),
      bindStaffWeChat: async (role) => (await actor(role)).api.call('bindStaffWeChat', { body: { code: fake.loginCode(`o-table-${++n}-openid`) } }),
      recordStaffMessageConsent: async (role) =>
        (await actor(role)).api.call('recordStaffMessageConsent', { body: { results: [{ templateId: 'TPL-REVIEW-REMINDER', result: 'accept', kind: 'one-time' }] } }),
      unbindStaffWeChat: async (role) => (await actor(role)).api.call('unbindStaffWeChat', {}),
      staffLogOut: async (role) => (await actor(role)).api.call('staffLogOut', {}),
      getCadenceDashboard: async (role, where) => (await actor(role)).api.call('getCadenceDashboard', { query: { department: where === 'own' ? OWN : OTHER } }),
      pausePublishingAccount: async (role, where) => {
        const dept = where === 'own' ? OWN : OTHER
        await ensureMiniProgramAccount(dept, new Date())
        return (await actor(role)).api.call('pausePublishingAccount', { params: { id: `miniprogram:${dept}` }, body: { reason: '权限表测试：账号调整中' } })
      },
      resumePublishingAccount: async (role, where) => {
        const dept = where === 'own' ? OWN : OTHER
        await ensureMiniProgramAccount(dept, new Date())
        return (await actor(role)).api.call('resumePublishingAccount', { params: { id: `miniprogram:${dept}` } })
      },
      getCadenceReport: async (role, where) => (await actor(role)).api.call('getCadenceReport', { query: { department: where === 'own' ? OWN : OTHER } }),
      listCadenceTasks: async (role) => (await actor(role)).api.call('listCadenceTasks', {}),
      getCadenceOverview: async (role, where) => (await actor(role)).api.call('getCadenceOverview', { query: { department: where === 'own' ? OWN : OTHER } }),
      registerPublishingAccount: async (role) => (await actor(role)).api.call('registerPublishingAccount', { body: { channel: 'weibo', name: '权限表测试微博', minPerWeek: 2 } }),
      recordChannelPost: async (role, where) => {
        const dept = where === 'own' ? OWN : OTHER
        const admin = { id: 'table', username: 'table', displayName: '权限表', department: dept, roles: ['department-admin' as const], sessionId: 's', ip: '127.0.0.1', userAgent: 't' }
        await new ChannelAccountRegistrar(() => new Date()).register(admin, { channel: 'app', name: '权限表测试客户端', minPerWeek: 2 }).catch(() => undefined) // once per department
        const when = formatShanghaiDateTime(new Date(Date.now() - 60_000))
        return (await actor(role)).api.call('recordChannelPost', { params: { id: `app:${dept}` }, body: { column: 'news', title: `权限表测试发布 ${++n}`, url: 'https://example.gov.cn/news/1', publishedAt: when, text: `内容 ${n}`, minor: false } })
      },
      setPublishingAccountRule: async (role, where) => {
        const dept = where === 'own' ? OWN : OTHER
        await ensureMiniProgramAccount(dept, new Date())
        return (await actor(role)).api.call('setPublishingAccountRule', { params: { id: `miniprogram:${dept}` }, body: { minPerWeek: 2, maxGapDays: 14 } })
      },
      updateAccountColumn: async (role, where) => {
        const dept = where === 'own' ? OWN : OTHER
        await ensureMiniProgramAccount(dept, new Date())
        return (await actor(role)).api.call('updateAccountColumn', { params: { id: `miniprogram:${dept}:guide` }, body: { staleAfterDays: 90, active: true } })
      },
    }
    const pushItem = await published(policyDraft({ department: OWN, title: '权限表测试：推送链接的政策' }), new Date())
    await t.services.content.readModel.syncNow()
    const campaignBody = (name: string) => ({
      name,
      audience: { topics: ['employment-subsidies' as const], topicMatch: 'any' as const, regions: [], groups: [] },
      itemId: pushItem,
      message: { title: '就业补贴申领提醒', text: '符合条件的可以申领。' },
      channels: { wechat: true, sms: false },
      sendAt: null,
    })
    /** A draft campaign of that department, by its own editor. */
    const campaignIn = async (where: Where) => (await people[where].author.api.call('createCampaign', { body: campaignBody(`权限表测试 ${++n}`) })).id
    Object.assign(calls, {
      listCampaigns: async (role: Role) => (await actor(role)).api.call('listCampaigns', {}),
      createCampaign: async (role: Role) => (await actor(role)).api.call('createCampaign', { body: campaignBody(`权限表测试 ${++n}`) }),
      getCampaign: async (role: Role, where: Where) => (await actor(role)).api.call('getCampaign', { params: { id: await campaignIn(where) } }),
      updateCampaign: async (role: Role, where: Where) => (await actor(role)).api.call('updateCampaign', { params: { id: await campaignIn(where) }, body: campaignBody('改过的名称') }),
      actOnCampaign: async (role: Role, where: Where) => (await actor(role)).api.call('actOnCampaign', { params: { id: await campaignIn(where) }, body: { action: 'cancel', reason: '权限表测试' } }),
      previewAudience: async (role: Role) => (await actor(role)).api.call('previewAudience', { body: { audience: campaignBody('x').audience, channels: { wechat: true, sms: true } } }),
    })
    const disclosureBody = (department: string) => {
      const first17 = `52010219800101${String(100 + (++n % 800)).padStart(3, '0')}`
      return { department: department as typeof OWN, applicantKind: 'citizen' as const, name: '李四', idType: 'resident-id' as const, idNumber: first17 + residentIdCheckChar(first17), phone: '13900000000', description: '权限表测试：所需政府信息', form: 'paper' as const, delivery: 'collect' as const, channel: 'in-person' as const, receivedOn: formatShanghaiDate(new Date()) }
    }
    /** A received application of that department, registered by its own editor. */
    const disclosureIn = async (where: Where) => (await people[where].author.api.call('registerDisclosure', { body: disclosureBody(where === 'own' ? OWN : OTHER) })).id
    Object.assign(calls, {
      listDisclosures: async (role: Role) => (await actor(role)).api.call('listDisclosures', { query: {} }),
      registerDisclosure: async (role: Role, where: Where) => (await actor(role)).api.call('registerDisclosure', { body: disclosureBody(where === 'own' ? OWN : OTHER) }),
      getDisclosure: async (role: Role, where: Where) => (await actor(role)).api.call('getDisclosure', { params: { id: await disclosureIn(where) } }),
      actOnDisclosure: async (role: Role, where: Where) => (await actor(role)).api.call('actOnDisclosure', { params: { id: await disclosureIn(where) }, body: { action: 'assign', department: where === 'own' ? OWN : OTHER } }),
      listDisclosureTasks: async (role: Role) => (await actor(role)).api.call('listDisclosureTasks', {}),
      getWorkingCalendar: async (role: Role) => (await actor(role)).api.call('getWorkingCalendar', {}),
      loadWorkingCalendarYear: async (role: Role) => (await actor(role)).api.call('loadWorkingCalendarYear', { params: { year: 2030 }, body: { holidays: ['2030-01-01'], workdays: [], source: '权限表测试' } }),
      getDisclosureReport: async (role: Role, where: Where) => (await actor(role)).api.call('getDisclosureReport', { query: { year: 2026, department: where === 'own' ? OWN : OTHER } }),
      setDisclosureReportEntries: async (role: Role, where: Where) => (await actor(role)).api.call('setDisclosureReportEntries', { body: { year: 2026, department: where === 'own' ? OWN : OTHER, reconsiderations: 0, lawsuits: 0, complaints: 0 } }),
    })
    /** A delivery of an item of that department on its 公众号, in `state` (written as the worker would leave it). */
    const deliveryIn = async (where: Where, state: 'failed' | 'live') => {
      const dept = where === 'own' ? OWN : OTHER
      const itemId = await published(policyDraft({ department: dept, title: `权限表测试：渠道 ${++n}` }), new Date())
      const accountId = `official-account:${dept}`
      const now = new Date()
      await ChannelAccountModel.updateOne(
        { _id: accountId },
        { $setOnInsert: { channel: 'official-account', department: dept, name: '权限表测试公众号', sealedCredentials: sealCredentials(t.services.channels.deps.box, { kind: 'official-account', appId: oa.appId, appSecret: oa.appSecret }), appId: oa.appId, defaultOn: false, linkBase: null, coverMediaId: null, createdAt: now, updatedAt: now } },
        { upsert: true },
      )
      const _id = `${itemId}:1:official-account`
      await ChannelDeliveryModel.create({ _id, itemId, edition: 1, channel: 'official-account', accountId, department: dept, state, attempts: 1, attemptBudget: 5, nextAttemptAt: now, leaseUntil: null, log: [], error: state === 'failed' ? '测试失败' : null, mediaId: 'DRAFT_TABLE', publishId: null, platformId: state === 'live' ? 'ART_TABLE' : null, url: null, counted: false, correction: null, cancelled: false, massSentAt: null, createdAt: now, updatedAt: now })
      return { itemId, id: _id }
    }
    Object.assign(calls, {
      listChannelAccounts: async (role: Role) => (await actor(role)).api.call('listChannelAccounts', {}),
      saveChannelAccount: async (role: Role) => (await actor(role)).api.call('saveChannelAccount', { params: { channel: 'official-account' }, body: { name: '权限表测试公众号', defaultOn: true, credentials: { kind: 'official-account', appId: oa.appId, appSecret: oa.appSecret } } }),
      getItemChannels: async (role: Role, where: Where) => (await actor(role)).api.call('getItemChannels', { params: { id: (await deliveryIn(where, 'live')).itemId } }),
      retryChannelDelivery: async (role: Role, where: Where) => (await actor(role)).api.call('retryChannelDelivery', { params: { id: (await deliveryIn(where, 'failed')).id } }),
      requestMassSend: async (role: Role, where: Where) => (await actor(role)).api.call('requestMassSend', { params: { id: (await deliveryIn(where, 'live')).id } }),
    })
    /** A message of that department (a citizen wrote it; WeChat passes it) and a consultation of it, in a given state. */
    const citizenApi = async () => {
      const session = await t.api.call('citizenLogIn', { body: { code: fake.loginCode(`o-table-writer-${++n}`) } })
      return t.asStaff(session.accessToken)
    }
    const messageIn = async (where: Where) => (await (await citizenApi()).call('submitMessage', { body: { department: where === 'own' ? OWN : OTHER, category: 'consultation', title: '权限表测试留言', text: `权限表测试：留言内容 ${++n}`, public: false } })).id
    const consultationBody = (where: Where) => ({ department: where === 'own' ? OWN : OTHER, title: `权限表测试征求意见 ${++n}`, background: '权限表测试：起草背景说明。', draftText: '权限表测试：征求意见稿全文。', attachments: [], startAt: formatShanghaiDateTime(new Date(Date.now() - 3600_000)), endAt: formatShanghaiDateTime(new Date(Date.now() + 7 * 86_400_000)) })
    /** A consultation of that department, by its own editor; published (open) by its own reviewer when asked. */
    const consultationIn = async (where: Where, published = false) => {
      const id = (await people[where].author.api.call('createConsultation', { body: consultationBody(where) })).id
      if (published) await people[where].checker.api.call('actOnConsultation', { params: { id }, body: { action: 'publish' } })
      return id
    }
    /** A comment held for moderation on an open consultation of that department. */
    const heldCommentIn = async (where: Where) => {
      const id = await consultationIn(where, true)
      fake.judgeText('权限表待审核', 'review')
      const comment = await (await citizenApi()).call('commentOnConsultation', { params: { id }, body: { text: `权限表待审核的意见 ${++n}`, public: true } })
      return { id, commentId: comment.id }
    }
    Object.assign(calls, {
      listStaffMessages: async (role: Role) => (await actor(role)).api.call('listStaffMessages', { query: {} }),
      getStaffMessage: async (role: Role, where: Where) => (await actor(role)).api.call('getStaffMessage', { params: { id: await messageIn(where) } }),
      actOnMessage: async (role: Role, where: Where) => (await actor(role)).api.call('actOnMessage', { params: { id: await messageIn(where) }, body: { action: 'reply', text: '权限表测试：答复内容。' } }),
      getMessageStats: async (role: Role, where: Where) => (await actor(role)).api.call('getMessageStats', { query: { department: where === 'own' ? OWN : OTHER } }),
      listInteractionTasks: async (role: Role) => (await actor(role)).api.call('listInteractionTasks', {}),
      getInteractionSettings: async (role: Role, where: Where) => (await actor(role)).api.call('getInteractionSettings', { query: { department: where === 'own' ? OWN : OTHER } }),
      putInteractionSettings: async (role: Role, where: Where) => (await actor(role)).api.call('putInteractionSettings', { body: { department: where === 'own' ? OWN : OTHER, replyReview: false, answerDays: { consultation: 5, suggestion: 15, complaint: 15 } } }),
      getSensitiveWords: async (role: Role) => (await actor(role)).api.call('getSensitiveWords', {}),
      putSensitiveWords: async (role: Role) => {
        const a = await actor(role)
        return a.api.call('putSensitiveWords', { body: { words: (await a.api.call('getSensitiveWords', {})).words } })
      },
      listStaffConsultations: async (role: Role) => (await actor(role)).api.call('listStaffConsultations', {}),
      createConsultation: async (role: Role, where: Where) => (await actor(role)).api.call('createConsultation', { body: consultationBody(where) }),
      getStaffConsultation: async (role: Role, where: Where) => (await actor(role)).api.call('getStaffConsultation', { params: { id: await consultationIn(where) } }),
      updateConsultation: async (role: Role, where: Where) => (await actor(role)).api.call('updateConsultation', { params: { id: await consultationIn(where) }, body: consultationBody(where) }),
      actOnConsultation: async (role: Role, where: Where) => (await actor(role)).api.call('actOnConsultation', { params: { id: await consultationIn(where) }, body: { action: 'publish' } }),
      listConsultationComments: async (role: Role, where: Where) => (await actor(role)).api.call('listConsultationComments', { params: { id: await consultationIn(where, true) } }),
      moderateConsultationComment: async (role: Role, where: Where) => (await actor(role)).api.call('moderateConsultationComment', { params: await heldCommentIn(where), body: { decision: 'approve', reason: '' } }),
    })
    // A fresh person of the own department per call (logging out ends a session; binding takes a WeChat).
    const actor = (role: Role) => session(OWN, [role])
    const got: typeof EXPECTED = {}
    for (const [op, call] of Object.entries(calls)) {
      got[op] = {} as Record<Role, { own: string; other: string }>
      for (const role of ROLES) {
        const self = EXPECTED[op]![role].other === 'n/a'
        got[op]![role] = { own: await outcome(call(role, 'own')), other: self ? 'n/a' : await outcome(call(role, 'other')) }
      }
    }
    expect(got).toEqual(EXPECTED)
    // Without logging in, none of them.
    for (const op of Object.keys(calls)) {
      const e = endpoints[op as keyof typeof endpoints] as { method: string; path: string }
      const res = await fetch(`${t.url}${e.path.replace('{id}', '0123456789abcdef01234567').replace('{commentId}', '0123456789abcdef01234567')}`, { method: e.method, headers: { 'content-type': 'application/json' }, body: e.method === 'GET' ? undefined : '{}' })
      expect(res.status, op).toBe(401)
    }
  }, 300_000)
})
