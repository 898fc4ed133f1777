/**
 * 答复类型 of 政府信息公开条例 Art. 36 (2019 revision), and the channels an application
 * arrives by (the annual report counts them). `annualRow` is the row of the national
 * annual-report table a reply is counted in (sanyuan-2017 shows it: 同意公开 / 同意部分公开
 * / 不予公开 / 其他类型).
 */
export const DISCLOSURE_REPLY_TYPES = {
  'already-public': { label: '已主动公开（告知获取的方式和途径）', article: '《政府信息公开条例》第三十六条第（一）项', annualRow: 'provided', needs: 'where' },
  provided: { label: '予以公开', article: '《政府信息公开条例》第三十六条第（二）项', annualRow: 'provided', needs: 'attachment' },
  'partly-provided': { label: '部分公开', article: '《政府信息公开条例》第三十六条第（三）项、第三十七条', annualRow: 'partly', needs: 'reasons' },
  'not-disclosed': { label: '不予公开（说明理由）', article: '《政府信息公开条例》第三十六条第（三）项', annualRow: 'refused', needs: 'reasons' },
  'does-not-exist': { label: '本机关不掌握该信息（经检索没有）', article: '《政府信息公开条例》第三十六条第（四）项', annualRow: 'other', needs: 'reasons' },
  'not-ours': { label: '不属于本机关负责公开（告知负责机关）', article: '《政府信息公开条例》第三十六条第（五）项', annualRow: 'other', needs: 'where' },
  repeated: { label: '重复申请（告知不予重复处理）', article: '《政府信息公开条例》第三十六条第（六）项', annualRow: 'other', needs: 'reasons' },
  'other-regime': { label: '按其他法规办理（告知依照有关法律、行政法规办理）', article: '《政府信息公开条例》第三十六条第（七）项', annualRow: 'other', needs: 'reasons' },
} as const satisfies Record<string, { label: string; article: string; annualRow: 'provided' | 'partly' | 'refused' | 'other'; needs: 'where' | 'attachment' | 'reasons' }>

export type DisclosureReplyType = keyof typeof DISCLOSURE_REPLY_TYPES
export const DISCLOSURE_REPLY_TYPE_CODES = Object.keys(DISCLOSURE_REPLY_TYPES) as [DisclosureReplyType, ...DisclosureReplyType[]]

/** How an application arrived. `online`: submitted in the mini-program or h5. */
export const DISCLOSURE_CHANNELS = {
  online: '网络申请',
  'in-person': '当面申请',
  letter: '信函申请',
  fax: '传真申请',
} as const
export type DisclosureChannel = keyof typeof DISCLOSURE_CHANNELS
export const DISCLOSURE_CHANNEL_CODES = Object.keys(DISCLOSURE_CHANNELS) as [DisclosureChannel, ...DisclosureChannel[]]

export const APPLICANT_KINDS = { citizen: '公民', organisation: '法人或其他组织' } as const
export type ApplicantKind = keyof typeof APPLICANT_KINDS

export const ID_DOCUMENT_TYPES = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-macao-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'credit-code': '统一社会信用代码',
} as const
export type IdDocumentType = keyof typeof ID_DOCUMENT_TYPES

export const DISCLOSURE_FORMS = { paper: '纸质', electronic: '电子' } as const
export const DISCLOSURE_DELIVERIES = { collect: '自行领取', post: '邮寄', email: '电子邮件', online: '在线查看' } as const
