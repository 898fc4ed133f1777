import type Router from '@koa/router'
import {
  can,
  CONTENT_TYPE_LABELS,
  CONTENT_TYPES,
  departmentNameOf,
  DISCLOSURE_REPLY_TYPE_CODES,
  DISCLOSURE_REPLY_TYPES,
  PUBLISHING_CHANNEL_LABELS,
  PUBLISHING_CHANNELS,
  SHANGHAI_OFFSET_MS,
  disclosureReportQuerySchema,
  type DisclosureReport,
} from '@zw/shared'
import { auditActorOf, type StaffPrincipal } from '../auth/principal'
import { AccountPublicationModel } from '../cadence/model'
import { ContentItem } from '../content/model'
import { recordAudit } from '../platform/audit/auditTrail'
import { ForbiddenError } from '../platform/errors'
import { csvDownloadRouter } from '../platform/http/csv'
import type { Authenticate } from '../platform/http/endpoints'
import type { DisclosureContext } from './context'
import { DisclosureApplicationModel, DisclosureReportEntryModel, type DisclosureApplicationDoc, type DisclosureReportEntryDoc } from './model'

/** The first instant of a Beijing calendar year. */
const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS)

function departmentFor(staff: StaffPrincipal, asked: string | undefined): string {
  const department = asked ?? staff.department
  if (!can(staff, 'disclosure.report', department)) throw new ForbiddenError('只有本部门管理员或平台管理员可以查看年度报告')
  return department
}

/**
 * 政府信息公开工作年度报告 statistics for one department and year, as the national
 * template's table (sanyuan-2017): items proactively disclosed in the year and in total,
 * by type and channel; applications received by channel; replies by type (and by the
 * template's four rows); fees collected; reconsiderations, lawsuits and complaints as
 * staff entered them.
 */
export class AnnualReporter {
  constructor(private readonly ctx: DisclosureContext) {}

  async report(staff: StaffPrincipal, query: { year: number; department?: string }): Promise<DisclosureReport> {
    return this.compute(query.year, departmentFor(staff, query.department))
  }

  async setEntries(staff: StaffPrincipal, body: { year: number; department?: string; reconsiderations: number; lawsuits: number; complaints: number }): Promise<DisclosureReport> {
    const department = departmentFor(staff, body.department)
    const _id = `${department}:${body.year}`
    const before = await DisclosureReportEntryModel.findById(_id).lean<DisclosureReportEntryDoc>()
    const now = this.ctx.now()
    const values = { reconsiderations: body.reconsiderations, lawsuits: body.lawsuits, complaints: body.complaints }
    if (before) await DisclosureReportEntryModel.updateOne({ _id }, { $set: { ...values, updatedBy: { id: staff.id, name: staff.displayName }, updatedAt: now } })
    else await DisclosureReportEntryModel.create({ _id, ...values, updatedBy: { id: staff.id, name: staff.displayName }, updatedAt: now })
    await recordAudit({ at: now, actor: auditActorOf(staff), action: 'disclosure.report-entries', subject: `disclosure-report:${_id}`, before: before ? { reconsiderations: before.reconsiderations, lawsuits: before.lawsuits, complaints: before.complaints } : null, after: values })
    return this.compute(body.year, department)
  }

  async compute(year: number, department: string): Promise<DisclosureReport> {
    const from = yearStart(year)
    const to = yearStart(year + 1)
    // Proactively disclosed: published (or published then taken down), not withdrawn as published in error; a policy only when its 公开属性 is 主动公开.
    const items = await ContentItem.find({ department, status: { $in: ['published', 'unpublished'] }, publishedAt: { $lt: to } }, { type: 1, publishedAt: 1, 'policy.disclosure': 1 }).lean()
    const proactive = items.filter((i) => i.type !== 'policy' || i.policy?.disclosure === 'proactive')
    const inYear = (d: Date | undefined) => d !== undefined && d >= from && d < to
    const byType = Object.fromEntries(CONTENT_TYPES.map((t) => [t, { year: proactive.filter((i) => i.type === t && inYear(i.publishedAt)).length, cumulative: proactive.filter((i) => i.type === t).length }]))
    const posts = await AccountPublicationModel.find({ counts: true, at: { $lt: to } }, { accountId: 1, at: 1 }).lean()
    const ours = posts.filter((p) => p.accountId.endsWith(`:${department}`))
    const byChannel = Object.fromEntries(PUBLISHING_CHANNELS.map((c) => [c, { year: ours.filter((p) => p.accountId.startsWith(`${c}:`) && inYear(p.at)).length, cumulative: ours.filter((p) => p.accountId.startsWith(`${c}:`)).length }]))

    const end = `${year}-12-31`
    const start = `${year}-01-01`
    const apps = await DisclosureApplicationModel.find({ department, receivedOn: { $lte: end } }, { channel: 1, receivedOn: 1, state: 1, reply: 1, fee: 1, events: 1 }).lean<DisclosureApplicationDoc[]>()
    const received = apps.filter((a) => a.receivedOn >= start)
    const countBy = <T>(list: T[], key: (t: T) => string) => list.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {})
    const applicationsByChannel = { online: 0, 'in-person': 0, letter: 0, fax: 0, ...countBy(received, (a) => a.channel) }
    const replied = apps.filter((a) => a.reply)
    const repliedInYear = replied.filter((a) => a.reply!.repliedOn >= start && a.reply!.repliedOn <= end)
    const repliesByType = { ...Object.fromEntries(DISCLOSURE_REPLY_TYPE_CODES.map((t) => [t, 0])), ...countBy(repliedInYear, (a) => a.reply!.type) }
    const rowOf = (list: DisclosureApplicationDoc[], row: string) => list.filter((a) => DISCLOSURE_REPLY_TYPES[a.reply!.type].annualRow === row).length
    const closedOn = (a: DisclosureApplicationDoc, kind: string) => a.events.find((e) => e.kind === kind)?.on ?? ''
    const closedInYear = (kind: string) => apps.filter((a) => closedOn(a, kind) >= start && closedOn(a, kind) <= end).length
    const paidInYear = apps.filter((a) => a.fee?.paid && !a.fee.refund && inYear(new Date(a.fee.paid.at)))
    const entry = await DisclosureReportEntryModel.findById(`${department}:${year}`).lean<DisclosureReportEntryDoc>()
    const entriesUpTo = (await DisclosureReportEntryModel.find().lean<DisclosureReportEntryDoc[]>()).filter((e) => e._id.startsWith(`${department}:`))
    const cumulativeEntry = (k: 'reconsiderations' | 'lawsuits' | 'complaints') => entriesUpTo.filter((e) => Number(e._id.split(':')[1]) <= year).reduce((n, e) => n + e[k], 0)
    const total = { year: proactive.filter((i) => inYear(i.publishedAt)).length, cumulative: proactive.length }
    const byAnnualRow = { provided: rowOf(repliedInYear, 'provided'), partly: rowOf(repliedInYear, 'partly'), refused: rowOf(repliedInYear, 'refused'), other: rowOf(repliedInYear, 'other') }
    const fees = { count: paidInYear.length, yuan: paidInYear.reduce((n, a) => n + a.fee!.amountYuan, 0) }

    const rows: DisclosureReport['rows'] = [
      { label: '主动公开政府信息数（条）', year: total.year, cumulative: total.cumulative },
      ...CONTENT_TYPES.map((t) => ({ label: `其中：${CONTENT_TYPE_LABELS[t]}`, year: byType[t]!.year, cumulative: byType[t]!.cumulative })),
      ...PUBLISHING_CHANNELS.map((c) => ({ label: `其中：通过${PUBLISHING_CHANNEL_LABELS[c]}发布（次）`, year: byChannel[c]!.year, cumulative: byChannel[c]!.cumulative })),
      { label: '受理政府信息公开申请总数（件）', year: received.length, cumulative: apps.length },
      { label: '其中：1.当面申请数', year: applicationsByChannel['in-person'], cumulative: apps.filter((a) => a.channel === 'in-person').length },
      { label: '2.网络申请数', year: applicationsByChannel.online, cumulative: apps.filter((a) => a.channel === 'online').length },
      { label: '3.信函、传真申请数', year: applicationsByChannel.letter + applicationsByChannel.fax, cumulative: apps.filter((a) => a.channel === 'letter' || a.channel === 'fax').length },
      { label: '对申请的答复总数（件）', year: repliedInYear.length, cumulative: replied.length },
      { label: '其中：1.同意公开答复数', year: byAnnualRow.provided, cumulative: rowOf(replied, 'provided') },
      { label: '2.同意部分公开答复数', year: byAnnualRow.partly, cumulative: rowOf(replied, 'partly') },
      { label: '3.不予公开答复数', year: byAnnualRow.refused, cumulative: rowOf(replied, 'refused') },
      { label: '4.其他类型答复数', year: byAnnualRow.other, cumulative: rowOf(replied, 'other') },
      { label: '收取信息处理费（元）', year: fees.yuan, cumulative: null },
      { label: '接受行政申诉、举报数', year: entry?.complaints ?? 0, cumulative: cumulativeEntry('complaints') },
      { label: '行政复议数', year: entry?.reconsiderations ?? 0, cumulative: cumulativeEntry('reconsiderations') },
      { label: '行政诉讼数', year: entry?.lawsuits ?? 0, cumulative: cumulativeEntry('lawsuits') },
    ]
    return {
      year,
      department,
      departmentName: departmentNameOf(department),
      proactive: { total, byType, byChannel },
      applications: { total: received.length, byChannel: applicationsByChannel },
      replies: { total: repliedInYear.length, byType: repliesByType, byAnnualRow },
      closed: { abandoned: closedInYear('abandoned'), withdrawn: closedInYear('withdrawn') },
      fees,
      reconsiderations: entry?.reconsiderations ?? 0,
      lawsuits: entry?.lawsuits ?? 0,
      complaints: entry?.complaints ?? 0,
      rows,
    }
  }
}

/** `GET /api/v1/staff/disclosure/report.csv?year=…&department=…`: the report's table as CSV (UTF-8 with BOM), for whoever may see the report. */
export function annualReportCsvRouter(reporter: AnnualReporter, authenticate: Authenticate): Router {
  return csvDownloadRouter('/api/v1/staff/disclosure/report.csv', disclosureReportQuerySchema, authenticate, async (staff, query) => {
    const report = await reporter.report(staff, query)
    return { filename: `disclosure-report-${report.department}-${report.year}.csv`, header: ['指标名称', String(report.year), '历年累计'], rows: report.rows.map((r) => [r.label, r.year, r.cumulative ?? '—']) }
  })
}
