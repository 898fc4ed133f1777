/**
 * Clear Chinese messages for the Official Account API's errcodes (draft, freepublish,
 * material, mass send), and what each means for a retry. Unknown codes keep WeChat's own
 * errmsg.
 */
export type OaVerdict = 'transient' | 'refresh-credentials' | 'permanent'

const MESSAGES: Record<number, [OaVerdict, string]> = {
  [-2]: ['transient', '公众号接口无应答（网络或超时），稍后自动重试'],
  [-1]: ['transient', '微信系统繁忙，稍后自动重试'],
  40001: ['refresh-credentials', '公众号 access_token 无效，将重新获取'],
  42001: ['refresh-credentials', '公众号 access_token 已过期，将重新获取'],
  40013: ['permanent', '公众号 AppID 无效，请管理员检查账号设置'],
  40125: ['permanent', '公众号 AppSecret 错误，请管理员检查账号设置'],
  40164: ['permanent', '服务器 IP 不在公众号的 IP 白名单中，请在公众平台添加'],
  40007: ['permanent', '封面图片素材无效（media_id 不存在），请重试以重新上传'],
  40004: ['permanent', '封面图片类型不被公众号接受'],
  40009: ['permanent', '封面图片过大'],
  45002: ['permanent', '文章内容超过公众号长度限制'],
  45003: ['permanent', '文章标题超过 64 字'],
  45004: ['permanent', '文章摘要超过公众号长度限制'],
  45009: ['transient', '公众号接口今日调用次数已达上限，明天自动重试'],
  45011: ['transient', '公众号接口调用过于频繁，稍后自动重试'],
  45028: ['permanent', '今日群发次数已用完（订阅号每天 1 次）'],
  48001: ['permanent', '公众号未获得该接口权限（需认证的公众号），请检查公众号认证状态'],
  53503: ['permanent', '该草稿未通过发布检查，请检查内容后重试'],
  53504: ['permanent', '需前往公众平台官网操作发布'],
  53505: ['permanent', '请手动保存成功后再发表'],
  53600: ['permanent', '文章编号无效，无法删除'],
  87009: ['permanent', '内容含有违规信息，公众号拒绝发布'],
}

export function officialAccountError(errcode: number, errmsg: string): { verdict: OaVerdict; message: string } {
  const known = MESSAGES[errcode]
  if (known) return { verdict: known[0], message: `${known[1]}（错误码 ${errcode}）` }
  return { verdict: 'permanent', message: `公众号接口返回错误 ${errcode}：${errmsg}` }
}

/** `freepublish/get` publish_status values other than 0 (成功) and 1 (发布中). */
export const PUBLISH_STATUS_MESSAGES: Record<number, string> = {
  2: '原创声明失败，发布未完成',
  3: '发布失败（常规失败），请检查内容后重试',
  4: '平台审核不通过，未能发布',
  5: '发布成功后文章已被全部删除',
  6: '发布成功后文章已被平台封禁',
}
