import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import mongoose from 'mongoose'
import { startTestApp, type TestApp } from '../support/app'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.close())

describe('indexes the rules lean on', () => {
  it('exist once the services have started, including the unique ones (on FerretDB too, after its reconnection)', async () => {
    const db = mongoose.connection.db!
    const uniqueKeys = async (collection: string) =>
      (await db.collection(collection).indexes()).filter((i) => i.unique).map((i) => Object.keys(i.key).join('+'))
    expect(await uniqueKeys('content_editions')).toContain('itemId+number')
    expect(await uniqueKeys('staff_accounts')).toContain('username')
    expect(await uniqueKeys('retrospective_reviews')).toContain('editionId')
    // Every index each model declares is there.
    for (const name of mongoose.modelNames()) {
      const model = mongoose.model(name)
      const declared = model.schema.indexes().map(([fields]) => Object.keys(fields).join('+'))
      if (!declared.length) continue
      const present = (await model.collection.indexes()).map((i) => Object.keys(i.key).join('+'))
      for (const d of declared) expect(present, `${name}: ${d}`).toContain(d)
    }
  })
})
