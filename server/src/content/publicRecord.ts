import type { PublicationRecord } from '@zw/shared'
import type { ContentItemDoc } from './model'

/** An item's 发布记录 as the public and the workbench show it (UTC instants as ISO text). */
export const publicHistoryOf = (doc: Pick<ContentItemDoc, 'publicHistory'>): PublicationRecord[] =>
  (doc.publicHistory ?? []).map((h) => ({ kind: h.kind, at: new Date(h.at).toISOString(), ...(h.note ? { note: h.note } : {}) }))

/** The withdrawal explanation of an item, if it has one. */
export const withdrawalOf = (doc: Pick<ContentItemDoc, 'withdrawal'>): { explanation: string; at: string } | null =>
  doc.withdrawal ? { explanation: doc.withdrawal.explanation, at: new Date(doc.withdrawal.at).toISOString() } : null
