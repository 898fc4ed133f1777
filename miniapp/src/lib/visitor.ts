import Taro from '@tarojs/taro'

const STORAGE_KEY = 'visitorId'
const ID_LENGTH = 24
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const VALID = /^[A-Za-z0-9_-]{8,64}$/

let cached: string | undefined

function randomId(length: number): string {
  const bytes = new Uint8Array(length)
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (cryptoApi?.getRandomValues) {
    cryptoApi.getRandomValues(bytes)
  } else {
    for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256)
  }
  let id = ''
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length]
  return id
}

/**
 * A random id for this device, made once and kept in storage, used only to count a
 * visit once a day. It carries no personal data.
 */
export function getVisitorId(): string {
  if (cached) return cached
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
    if (typeof stored === 'string' && VALID.test(stored)) {
      cached = stored
      return stored
    }
  } catch {
    // storage unavailable: fall through and use a fresh id for this session
  }
  const id = randomId(ID_LENGTH)
  try {
    Taro.setStorageSync(STORAGE_KEY, id)
  } catch {
    // not persisted; still usable for this session
  }
  cached = id
  return id
}
