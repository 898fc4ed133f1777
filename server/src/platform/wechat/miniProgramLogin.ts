import { wechatRequest, type WeChatSettings } from './wechatHttp'

/**
 * `wx.login` code → openid (and unionid when the app has one), by `GET /sns/jscode2session`.
 * The session_key WeChat returns is dropped here: it never reaches a client, a log line
 * or the database. A code works once (40029 afterwards); 45011 is WeChat's rate limit.
 */
export async function openIdOfLoginCode(settings: WeChatSettings, code: string): Promise<{ openid: string; unionid?: string }> {
  const answer = await wechatRequest<{ openid: string; session_key?: string; unionid?: string }>(settings, 'sns/jscode2session', {
    query: { appid: settings.appId, secret: settings.appSecret, js_code: code, grant_type: 'authorization_code' },
  })
  return { openid: answer.openid, ...(answer.unionid ? { unionid: answer.unionid } : {}) }
}
