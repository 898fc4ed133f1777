import type { PublicationEvents } from '../review/publicationEvents'
import { CadenceCounter } from './cadenceCounter'
import { PublicationRecorder } from './publicationRecorder'

export interface CadenceModule {
  recorder: PublicationRecorder
  counter: CadenceCounter
}

/** The cadence domain (更新频次): publishing accounts, the publications counted on them, the weekly rule. */
export function createCadenceModule(deps: { publications: PublicationEvents }): CadenceModule {
  const recorder = new PublicationRecorder()
  deps.publications.onPublished((e) => recorder.published(e))
  deps.publications.onTakenDown((itemId) => recorder.unpublishedInError(itemId))
  return { recorder, counter: new CadenceCounter() }
}
