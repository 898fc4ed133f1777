import { defineEndpoint } from './endpoint'
import { healthSchema, readinessSchema, siteInfoSchema } from './site'
import {
  contentDetailSchema,
  contentPageSchema,
  itemParamsSchema,
  listQuerySchema,
  searchQuerySchema,
  searchResultSchema,
  viewBodySchema,
  viewResultSchema,
} from '../content/schemas'

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
  listItems: defineEndpoint({
    method: 'GET',
    path: '/api/v1/items',
    summary: '公开内容列表（政策文件、政策解读、办事指南），可按类型、主题、部门、地区、效力、日期筛选',
    tag: 'content',
    query: listQuerySchema,
    response: contentPageSchema,
    errors: ['VALIDATION_FAILED'],
  }),
  getItem: defineEndpoint({
    method: 'GET',
    path: '/api/v1/items/{id}',
    summary: '公开内容详情；支持 ETag / If-None-Match',
    tag: 'content',
    params: itemParamsSchema,
    response: contentDetailSchema,
    errors: ['VALIDATION_FAILED', 'NOT_FOUND'],
  }),
  recordView: defineEndpoint({
    method: 'POST',
    path: '/api/v1/items/{id}/views',
    summary: '记录一次浏览（同一访客每天只计一次）',
    tag: 'content',
    params: itemParamsSchema,
    body: viewBodySchema,
    response: viewResultSchema,
    errors: ['VALIDATION_FAILED', 'NOT_FOUND'],
  }),
  searchItems: defineEndpoint({
    method: 'GET',
    path: '/api/v1/search',
    summary: '中文全文检索（标题、正文、问答、办事指南），结果带高亮',
    tag: 'content',
    query: searchQuerySchema,
    response: searchResultSchema,
    errors: ['VALIDATION_FAILED'],
  }),
} as const

export type Endpoints = typeof endpoints
export type OperationId = keyof Endpoints
