/**
 * The kinds of citizen message (留言) and how many working days a department has to
 * answer each by default (shandong-hrss-2019, guiyang-2017 ask for time limits; a
 * department may set its own). A 咨询 is a question with a known answer; 建议 and 投诉
 * need looking into.
 */
export const MESSAGE_CATEGORIES = {
  consultation: '咨询',
  suggestion: '建议',
  complaint: '投诉',
} as const
export type MessageCategory = keyof typeof MESSAGE_CATEGORIES
export const MESSAGE_CATEGORY_CODES = Object.keys(MESSAGE_CATEGORIES) as [MessageCategory, ...MessageCategory[]]

/** Working days to answer, by category, unless the department sets its own. */
export const DEFAULT_ANSWER_DAYS: Readonly<Record<MessageCategory, number>> = { consultation: 5, suggestion: 15, complaint: 15 }
