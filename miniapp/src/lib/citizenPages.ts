/** 我的订阅: topics, areas and how often; WeChat reminders. */
export const SUBSCRIPTIONS_PATH = '/pages/subscriptions/index'
/** 我的消息: what departments sent the citizen. */
export const INBOX_PATH = '/pages/inbox/index'
