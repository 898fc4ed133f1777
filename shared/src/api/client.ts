import { apiErrorBodySchema, type ApiErrorBody, type ErrorCode, type FieldError } from '../errors'
import { endpoints, type Endpoints, type OperationId } from './contract'
import { fillPath, type EndpointInput, type EndpointResult } from './endpoint'

/** What a transport sends: the client builds it, the platform (Taro, fetch) delivers it. */
export interface TransportRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
}
export interface TransportResponse {
  status: number
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  data: unknown
}
export type Transport = (request: TransportRequest) => Promise<TransportResponse>

/** An error answer of the API, or a failure to reach it (`code` NETWORK / BAD_RESPONSE). */
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK' | 'BAD_RESPONSE',
    message: string,
    readonly fields: FieldError[] = [],
    readonly body?: ApiErrorBody,
  ) {
    super(message)
    this.name = 'ApiClientError'
  }
}

/** The error of a refused request from its status and parsed body (the standard error shape, else BAD_RESPONSE): for requests outside the typed client too (uploads, downloads). */
export function apiErrorOf(status: number, data: unknown): ApiClientError {
  const parsed = apiErrorBodySchema.safeParse(data)
  if (!parsed.success) return new ApiClientError(status, 'BAD_RESPONSE', '服务器返回了无法识别的内容')
  const e = parsed.data.error
  return new ApiClientError(status, e.code, e.message, e.details?.fields ?? [], parsed.data)
}

export interface ApiClientOptions {
  baseUrl: string
  transport: Transport
  /** Extra headers for every request, e.g. the session token. */
  headers?: () => Record<string, string>
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    const values = Array.isArray(value) ? value : [value]
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

/**
 * A typed client for the API: `call('getSite', {})` returns the parsed SiteInfo. The
 * answer is validated against the shared schema, so a server that drifts from the
 * contract fails loudly in the client instead of rendering nonsense.
 */
export function createApiClient(options: ApiClientOptions) {
  async function call<K extends OperationId>(
    operation: K,
    input: EndpointInput<Endpoints[K]>,
  ): Promise<EndpointResult<Endpoints[K]>> {
    const endpoint = endpoints[operation]
    const args = input as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown }
    const url = `${options.baseUrl}${fillPath(endpoint.path, args.params)}${queryString(args.query)}`
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers?.() }
    let body: string | undefined
    if (args.body !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(args.body)
    }
    let response: TransportResponse
    try {
      response = await options.transport({ method: endpoint.method, url, headers, body })
    } catch {
      throw new ApiClientError(0, 'NETWORK', '网络连接失败，请检查网络后重试')
    }
    const expected = endpoint.status ?? 200
    if (response.status !== expected) throw apiErrorOf(response.status, response.data)
    const result = endpoint.response.safeParse(response.data)
    if (!result.success) throw new ApiClientError(response.status, 'BAD_RESPONSE', '服务器返回了无法识别的内容')
    return result.data as EndpointResult<Endpoints[K]>
  }
  return { call }
}

export type ApiClient = ReturnType<typeof createApiClient>

/** A transport over the standard `fetch`, for browsers, Node and tests. */
export function fetchTransport(fetchImpl: typeof fetch = fetch): Transport {
  return async ({ method, url, headers, body }) => {
    const res = await fetchImpl(url, { method, headers, body })
    const text = await res.text()
    let data: unknown
    try {
      data = text ? JSON.parse(text) : undefined
    } catch {
      data = undefined
    }
    return { status: res.status, data }
  }
}
