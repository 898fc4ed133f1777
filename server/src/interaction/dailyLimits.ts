import { AppError } from '../platform/errors'
import { isDuplicateKeyError } from '../platform/db'
import { todayOf, type InteractionContext } from './context'
import { InteractionDayCountModel, type InteractionDayCountDoc } from './model'

/** How many messages (留言) and consultation comments a citizen may send in one Beijing day. */
export interface CitizenDailyLimits {
  messages: number
  comments: number
}
export const DEFAULT_CITIZEN_DAILY_LIMITS: CitizenDailyLimits = { messages: 10, comments: 20 }

type Kind = InteractionDayCountDoc['kind']
const refusal: Record<Kind, (limit: number) => string> = {
  message: (limit) => `今天的留言已达 ${limit} 条，请明天再来`,
  comment: (limit) => `今天提的意见已达 ${limit} 条，请明天再来`,
}

/**
 * Takes one of a citizen's places of the day (Asia/Shanghai calendar day) for a message or
 * a comment, or refuses with 429 RATE_LIMITED and writes nothing. The count is one
 * document per citizen, kind and day, raised only while below the limit: the update
 * matches no document at the limit, and its upsert then collides with the existing one
 * (E11000), so two requests at once cannot both take the last place, on any instance.
 */
export class DailyQuota {
  constructor(private readonly ctx: InteractionContext) {}

  /** Runs `write` in one of the day's places; the place is given back when `write` fails (nothing was written). */
  async within<T>(citizenId: string, kind: Kind, write: () => Promise<T>): Promise<T> {
    const limit = kind === 'message' ? this.ctx.dailyLimits.messages : this.ctx.dailyLimits.comments
    const day = todayOf(this.ctx)
    const _id = `${kind}:${citizenId}:${day}`
    try {
      await InteractionDayCountModel.updateOne({ _id, count: { $lt: limit } }, { $inc: { count: 1 }, $setOnInsert: { kind, citizenId, day } }, { upsert: true })
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new AppError('RATE_LIMITED', refusal[kind](limit))
      throw err
    }
    try {
      return await write()
    } catch (err) {
      await InteractionDayCountModel.updateOne({ _id, count: { $gt: 0 } }, { $inc: { count: -1 } })
      throw err
    }
  }
}
