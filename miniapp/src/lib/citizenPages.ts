/** 我的订阅: topics, areas and how often; WeChat reminders. */
export const SUBSCRIPTIONS_PATH = '/pages/subscriptions/index'
/** 我的消息: what departments sent the citizen. */
export const INBOX_PATH = '/pages/inbox/index'
/** 我的申请 (依申请公开), in the disclosure subpackage. */
export const DISCLOSURE_MINE_PATH = '/disclosure/pages/mine/index'
