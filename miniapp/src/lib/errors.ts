import { ApiClientError } from '@zw/shared'

/**
 * The Chinese sentence to show for a failed call: the first field message of a
 * validation error (it says what to change), else the server's message.
 */
export function errorMessage(err: unknown, fallback = '加载失败，请稍后再试'): string {
  if (err instanceof ApiClientError) {
    if (err.code === 'VALIDATION_FAILED' && err.fields[0]?.message) return err.fields[0].message
    return err.message || fallback
  }
  return fallback
}
