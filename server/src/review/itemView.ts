import { decide, decideNewEdition, OPEN_EDITION_STATES, type EditionState, type ItemAction, type StaffItem } from '@zw/shared'
import type { StaffPrincipal } from '../auth/principal'
import type { ContentItemDoc } from '../content/model'
import { publicHistoryOf, withdrawalOf } from '../content/publicRecord'
import type { EditionDoc } from './model'

/** An item for the workbench: public state, editions newest first, public history, and what the person may do now. */
export function toStaffItem(item: ContentItemDoc, editions: EditionDoc[], staff: StaffPrincipal): StaffItem {
  const facts = { state: item.status as EditionState, department: item.department, makers: [] as string[] }
  const open = editions.find((e) => (OPEN_EDITION_STATES as readonly EditionState[]).includes(e.state))
  const actions: ItemAction[] = []
  if (item.status !== 'draft' && decideNewEdition({ state: open?.state ?? facts.state, department: item.department }, staff).ok) actions.push('startEdition')
  if (decide(facts, 'withdraw', staff).ok) actions.push('withdraw')
  if (decide(facts, 'unpublish', staff).ok) actions.push('unpublish')
  if (item.type === 'policy' && decide(facts, 'changeValidity', staff).ok) actions.push('changeValidity')
  return {
    id: item._id.toString(),
    type: item.type,
    title: item.title,
    department: item.department,
    status: item.status,
    validity: item.type === 'policy' ? ((item.policy?.validity.status as StaffItem['validity']) ?? null) : null,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    liveEdition: item.status === 'draft' ? null : (item.liveEdition ?? 1),
    history: publicHistoryOf(item),
    withdrawal: withdrawalOf(item),
    editions: editions.map((e) => ({
      id: e._id.toString(),
      number: e.number,
      state: e.state,
      changeNote: e.changeNote ?? null,
      minor: e.minor ?? false,
      makers: e.makers,
      approvedBy: e.approval?.by ?? null,
      publishedAt: e.publishedAt?.toISOString() ?? null,
      updatedAt: e.updatedAt.toISOString(),
    })),
    actions,
  }
}
