import { defineEndpoint } from './endpoint'
import { healthSchema, readinessSchema, siteInfoSchema } from './site'

/**
 * Every endpoint of the HTTP API, by operation id. Domain issues add theirs here; the
 * server refuses to start if an endpoint has no handler, and the OpenAPI document lists
 * exactly these.
 */
export const endpoints = {
  getHealth: defineEndpoint({
    method: 'GET',
    path: '/healthz',
    summary: '进程存活检查',
    tag: 'platform',
    response: healthSchema,
  }),
  getReadiness: defineEndpoint({
    method: 'GET',
    path: '/readyz',
    summary: '就绪检查（数据库可用）',
    tag: 'platform',
    response: readinessSchema,
    errors: ['SERVICE_UNAVAILABLE'],
  }),
  getSite: defineEndpoint({
    method: 'GET',
    path: '/api/v1/site',
    summary: '平台信息与主题分类',
    tag: 'content',
    response: siteInfoSchema,
  }),
} as const

export type Endpoints = typeof endpoints
export type OperationId = keyof Endpoints
