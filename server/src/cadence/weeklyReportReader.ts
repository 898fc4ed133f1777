import { can, departmentNameOf as nameOf, type CadenceReportView } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import { ForbiddenError } from '../platform/errors'
import { assertMaySeeCadence } from './cadenceDashboard'
import { CadenceReportModel, type CadenceReportDoc } from './model'

/**
 * 周报 as people read it: the stored report of a week (the latest when none is named),
 * the department's part of it for its staff, the whole of it for a platform admin.
 */
export class WeeklyReportReader {
  async read(staff: StaffPrincipal, query: { department?: string; week?: string }): Promise<CadenceReportView> {
    if (query.department) assertMaySeeCadence(staff, query.department)
    else if (!can(staff, 'platform.configure')) throw new ForbiddenError('只有平台管理员可以查看全平台的周报')
    const doc = query.week ? await CadenceReportModel.findById(query.week).lean<CadenceReportDoc>() : await CadenceReportModel.findOne({}).sort({ _id: -1 }).lean<CadenceReportDoc>()
    if (!doc) return { report: null }
    const mine = <T extends { department: string }>(rows: T[]) => (query.department ? rows.filter((r) => r.department === query.department) : rows)
    return {
      report: {
        week: doc._id,
        createdAt: new Date(doc.createdAt).toISOString(),
        accounts: mine(doc.accounts).map((a) => ({ ...a, departmentName: nameOf(a.department) })),
        departments: mine(doc.departments).map((d) => ({ ...d, departmentName: nameOf(d.department) })),
        breaches: mine(doc.breaches).map((b) => ({ accountId: b.accountId, department: b.department, departmentName: nameOf(b.department), daysWithoutUpdate: b.daysWithoutUpdate, at: new Date(b.at).toISOString() })),
      },
    }
  }
}
