import { expect } from 'vitest'

/** A department's people, for set-up over HTTP. */
export interface Desk {
  editor: string
  reviewer: string
  department: string
  region: string
  issuer: string
}

/**
 * e2e set-up over the API, as the people would do it in the workbench: log in, write a
 * policy, submit, approve with the four checks, publish.
 */
export function staffHttp(baseUrl: string, password: string) {
  const tokenOf = async (username: string) => {
    const r = await fetch(`${baseUrl}/api/v1/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) })
    return ((await r.json()) as { accessToken: string }).accessToken
  }
  const post = async (token: string, path: string, body: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
    expect(r.status, `${path}: ${await r.clone().text()}`).toBeLessThan(300)
    return (await r.json()) as { id: string; itemId: string }
  }
  /** The editor's draft of a policy; answers the edition. */
  const draftPolicy = async (desk: Desk, title: string, bodyText: string) =>
    post(await tokenOf(desk.editor), '/api/v1/staff/items', {
      type: 'policy', title, department: desk.department, topics: ['employment-subsidies'], regions: [desk.region], summary: '', body: `<p>${bodyText}</p>`,
      policy: { docNumber: null, writtenOn: null, issuer: desk.issuer, validity: { status: 'valid' }, disclosure: 'proactive' },
    })
  /** A first edition written, reviewed and published; answers the item id. */
  const publishedPolicy = async (desk: Desk, title: string, bodyText: string) => {
    const editor = await tokenOf(desk.editor)
    const reviewer = await tokenOf(desk.reviewer)
    const e = await draftPolicy(desk, title, bodyText)
    await post(editor, `/api/v1/staff/editions/${e.id}/submit`, {})
    await post(reviewer, `/api/v1/staff/editions/${e.id}/approve`, { checklist: { political: true, legal: true, secrecy: true, wording: true } })
    await post(reviewer, `/api/v1/staff/editions/${e.id}/publish`, {})
    return e.itemId
  }
  return { tokenOf, post, draftPolicy, publishedPolicy }
}
