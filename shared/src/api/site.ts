import { z } from '../zod'
import { TOPIC_CODES } from '../catalogue/topics'

export const topicSchema = z
  .object({
    code: z.enum(TOPIC_CODES),
    name: z.string(),
    pilotDomain: z.boolean().describe('26 个试点领域之一'),
    pushTheme: z.boolean().describe('精准推送主题'),
  })
  .meta({ id: 'Topic' })

export const siteInfoSchema = z
  .object({
    name: z.string().describe('平台名称'),
    description: z.string(),
    serverTime: z.iso.datetime().describe('服务器当前时间（UTC）'),
    timezone: z.literal('Asia/Shanghai'),
    topics: z.array(topicSchema),
  })
  .meta({ id: 'SiteInfo' })
export type SiteInfo = z.infer<typeof siteInfoSchema>

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' })

export const readinessSchema = z
  .object({
    status: z.literal('ready'),
    database: z.literal('up'),
    /** Scheduled editions more than a minute past their time and still not published (should be 0). */
    overdueScheduledEditions: z.number().int(),
  })
  .meta({ id: 'Readiness' })
export type Readiness = z.infer<typeof readinessSchema>
