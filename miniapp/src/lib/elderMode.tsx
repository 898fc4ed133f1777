import { createContext, useCallback, useContext, useMemo, useState, type PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'

const STORAGE_KEY = 'elderMode'
/** A sane upper bound so a page never becomes one word per line. */
const MAX_FONT_SCALE = 2

export interface ElderModeValue {
  /** 长辈版: larger text, stronger contrast, bigger tap targets. */
  elder: boolean
  setElder(on: boolean): void
  toggle(): void
  /** WeChat's own font-size setting (1 = standard), applied on top of either mode. */
  fontScale: number
}

const ElderModeContext = createContext<ElderModeValue>({
  elder: false,
  setElder: () => undefined,
  toggle: () => undefined,
  fontScale: 1,
})

function readStored(): boolean {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === true
  } catch {
    return false
  }
}

/** `fontSizeScaleFactor` from WeChat (newer base libraries); missing in h5 and older clients. */
function readFontScale(): number {
  try {
    const getInfo = (Taro as { getAppBaseInfo?: () => { fontSizeScaleFactor?: unknown } }).getAppBaseInfo
    if (typeof getInfo !== 'function') return 1
    const factor = getInfo().fontSizeScaleFactor
    if (typeof factor === 'number' && Number.isFinite(factor) && factor > 1) return Math.min(factor, MAX_FONT_SCALE)
  } catch {
    // not supported here: standard size
  }
  return 1
}

export function ElderModeProvider({ children }: PropsWithChildren) {
  const [elder, setElderState] = useState(readStored)
  const [fontScale] = useState(readFontScale)

  const setElder = useCallback((on: boolean) => {
    setElderState(on)
    try {
      Taro.setStorageSync(STORAGE_KEY, on)
    } catch {
      // not persisted; the choice still holds until the app closes
    }
  }, [])
  const toggle = useCallback(() => setElder(!elder), [elder, setElder])

  const value = useMemo(() => ({ elder, setElder, toggle, fontScale }), [elder, setElder, toggle, fontScale])
  return <ElderModeContext.Provider value={value}>{children}</ElderModeContext.Provider>
}

export function useElderMode(): ElderModeValue {
  return useContext(ElderModeContext)
}
