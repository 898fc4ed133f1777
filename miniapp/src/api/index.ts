import Taro from '@tarojs/taro'
import { createApiClient, z, type Transport } from '@zw/shared'

// WeChat forbids `new Function`: validate without zod's JIT.
z.config({ jitless: true })

/** Taro.request as the client's transport: one code path for weapp and h5. */
export const taroTransport: Transport = async ({ method, url, headers, body }) => {
  const res = await Taro.request<string>({
    url,
    method: method as keyof Taro.request.Method,
    header: headers,
    data: body,
    dataType: 'text',
    responseType: 'text',
  })
  let data: unknown
  try {
    data = typeof res.data === 'string' && res.data ? JSON.parse(res.data) : res.data
  } catch {
    data = undefined
  }
  return { status: res.statusCode, data }
}

/** Where the API is: the server's own origin in h5, the configured HTTPS origin in weapp. */
export const baseUrl = process.env.TARO_APP_API_BASE_URL ?? ''

/** The typed API client of the mini-program, checked against the shared contract. */
export const api = createApiClient({ baseUrl, transport: taroTransport })

/** The same client sending a staff access token (workbench). */
export const apiWithToken = (accessToken: string) => createApiClient({ baseUrl, transport: taroTransport, headers: () => ({ authorization: `Bearer ${accessToken}` }) })
