import type { Handlers } from '../platform/http/endpoints'
import type { CommentModerator, CommentSubmitter } from './comments'
import type { ConsultationDesk } from './consultationDesk'
import type { ConsultationDrafter } from './consultationDrafter'
import type { ConsultationReader } from './consultationReader'
import type { DepartmentSettings } from './departmentSettings'
import type { MessageDesk } from './messageDesk'
import type { MessageReader } from './messageReader'
import type { MessageStatistics } from './messageStatistics'
import type { MessageSubmitter } from './messageSubmitter'
import type { SensitiveWordsEditor } from './sensitiveWordsEditor'
import type { InteractionTaskList } from './taskList'

export interface InteractionServices {
  submitter: MessageSubmitter
  messages: MessageReader
  desk: MessageDesk
  statistics: MessageStatistics
  tasks: InteractionTaskList
  settings: DepartmentSettings
  words: SensitiveWordsEditor
  consultations: ConsultationReader
  drafter: ConsultationDrafter
  consultationDesk: ConsultationDesk
  commenter: CommentSubmitter
  commentModerator: CommentModerator
}

/** The interaction domain's HTTP handlers: parse (done by the binding) and hand over to the services. */
export function interactionHandlers(s: InteractionServices): Handlers {
  return {
    submitMessage: ({ citizen, body }) => s.submitter.submit(citizen, body),
    listMyMessages: ({ citizen }) => s.messages.listMine(citizen),
    getMyMessage: ({ citizen, params }) => s.messages.getMine(citizen, params.id),
    listPublicMessages: ({ query }) => s.messages.listPublic(query),
    listConsultations: ({ query }) => s.consultations.listPublic(query),
    getConsultation: ({ params }) => s.consultations.getPublic(params.id),
    commentOnConsultation: ({ citizen, params, body }) => s.commenter.submit(citizen, params.id, body),
    listMyConsultationComments: ({ citizen, params }) => s.commenter.listMine(citizen, params.id),
    listStaffMessages: ({ staff, query }) => s.messages.listForStaff(staff, query),
    getStaffMessage: ({ staff, params }) => s.messages.getForStaff(staff, params.id),
    actOnMessage: ({ staff, params, body }) => s.desk.take(staff, params.id, body),
    getMessageStats: ({ staff, query }) => s.statistics.stats(staff, query),
    listInteractionTasks: ({ staff }) => s.tasks.list(staff),
    getInteractionSettings: ({ staff, query }) => s.settings.view(staff, query),
    putInteractionSettings: ({ staff, body }) => s.settings.set(staff, body),
    getSensitiveWords: () => s.words.view(),
    putSensitiveWords: ({ staff, body }) => s.words.replace(staff, body.words),
    listStaffConsultations: ({ staff }) => s.consultations.listForStaff(staff),
    createConsultation: ({ staff, body }) => s.drafter.create(staff, body),
    getStaffConsultation: ({ staff, params }) => s.consultations.getForStaff(staff, params.id),
    updateConsultation: ({ staff, params, body }) => s.drafter.update(staff, params.id, body),
    actOnConsultation: ({ staff, params, body }) => s.consultationDesk.take(staff, params.id, body),
    listConsultationComments: ({ staff, params }) => s.commentModerator.list(staff, params.id),
    moderateConsultationComment: ({ staff, params, body }) => s.commentModerator.moderate(staff, params.id, params.commentId, body),
  }
}
