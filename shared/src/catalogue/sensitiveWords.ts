/**
 * The default list of sensitive words for what citizens write (留言, comments on drafts):
 * a starting point a department would expect — advertising and fraud, gambling, threats
 * of violence, abuse, soliciting contact off the platform. A platform admin replaces it
 * (stored in the database, ADR 0022). `risky` words hold the text for moderation marked
 * as risky, `review` words for an ordinary look. WeChat's msg_sec_check runs as well;
 * this list adds what a government account must not show even when WeChat lets it pass.
 */
export type SensitiveLevel = 'review' | 'risky'

export interface SensitiveWord {
  word: string
  level: SensitiveLevel
  /** Why it is on the list, in a few words. */
  note: string
}

export const DEFAULT_SENSITIVE_WORDS: readonly SensitiveWord[] = [
  { word: '代开发票', level: 'risky', note: '违法广告' },
  { word: '办证刻章', level: 'risky', note: '违法广告' },
  { word: '刷单返利', level: 'risky', note: '诈骗' },
  { word: '网络赌博', level: 'risky', note: '赌博' },
  { word: '博彩', level: 'risky', note: '赌博' },
  { word: '六合彩', level: 'risky', note: '赌博' },
  { word: '裸聊', level: 'risky', note: '色情' },
  { word: '炸掉', level: 'risky', note: '暴力威胁' },
  { word: '杀了你', level: 'risky', note: '暴力威胁' },
  { word: '同归于尽', level: 'risky', note: '暴力威胁' },
  { word: '傻逼', level: 'review', note: '辱骂' },
  { word: '王八蛋', level: 'review', note: '辱骂' },
  { word: '狗官', level: 'review', note: '辱骂' },
  { word: '加微信', level: 'review', note: '引导站外联系' },
  { word: '加QQ', level: 'review', note: '引导站外联系' },
]
