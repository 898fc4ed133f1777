/** 我的订阅: topics, areas and how often; WeChat reminders. */
export const SUBSCRIPTIONS_PATH = '/pages/subscriptions/index'
/** 我的消息: what departments sent the citizen. */
export const INBOX_PATH = '/pages/inbox/index'
/** 我的申请 (依申请公开), in the disclosure subpackage. */
export const DISCLOSURE_MINE_PATH = '/disclosure/pages/mine/index'

/** 互动交流 (留言, 征求意见), in the interaction subpackage. */
export const INTERACTION_PATH = '/interaction/pages/index/index'
export const MY_MESSAGES_PATH = '/interaction/pages/mine/index'
export const PUBLIC_MESSAGES_PATH = '/interaction/pages/qa/index'
export const CONSULTATIONS_PATH = '/interaction/pages/consultations/index'
/** 写留言, optionally about a published item (its id and title shown on the form). */
export const messageWritePath = (item?: { id: string; title: string }) => (item ? `/interaction/pages/write/index?itemId=${item.id}&itemTitle=${encodeURIComponent(item.title)}` : '/interaction/pages/write/index')
export const myMessagePath = (id: string) => `/interaction/pages/message/index?id=${id}`
export const consultationPath = (id: string) => `/interaction/pages/consultation/index?id=${id}`
