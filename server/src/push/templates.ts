import { PUSH_MESSAGE_KINDS, pushMessageKindName, type PushMessageKind, type TemplateKind } from '@zw/shared'

/** The WeChat template of one kind of message, as configured. */
export interface PushTemplate {
  kind: PushMessageKind
  name: string
  templateId: string
  templateKind: TemplateKind
}

export type PushTemplateSettings = Partial<Record<PushMessageKind, { templateId: string; longTerm: boolean }>>

/** The subscription message templates configured for citizens (none in development: inbox only). */
export class PushTemplates {
  private readonly list: PushTemplate[]

  constructor(settings: PushTemplateSettings = {}) {
    this.list = PUSH_MESSAGE_KINDS.flatMap((k) => {
      const s = settings[k.code]
      return s?.templateId ? [{ kind: k.code, name: pushMessageKindName(k.code)!, templateId: s.templateId, templateKind: s.longTerm ? ('long-term' as const) : ('one-time' as const) }] : []
    })
  }

  all(): readonly PushTemplate[] {
    return this.list
  }

  byId(templateId: string): PushTemplate | undefined {
    return this.list.find((t) => t.templateId === templateId)
  }

  of(kind: PushMessageKind): PushTemplate | undefined {
    return this.list.find((t) => t.kind === kind)
  }
}
