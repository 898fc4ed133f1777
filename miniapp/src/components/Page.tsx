import type { PropsWithChildren } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useElderMode } from '@/lib/elderMode'

/** Base text size in design px (750 wide): 36 = 18 px on a phone; 44 in 长辈版. */
const BASE_SIZE = 36
const ELDER_SIZE = 44

/**
 * The root view of every citizen page. Carries the `elder` class (长辈版) and WeChat's
 * font-size setting; all text sizes below are in `em` of this root.
 */
export function Page({ children }: PropsWithChildren) {
  const { elder, fontScale } = useElderMode()
  const base = elder ? ELDER_SIZE : BASE_SIZE
  const style = fontScale > 1 ? { fontSize: Taro.pxTransform(Math.round(base * fontScale)) } : undefined
  return (
    <View className={'page' + (elder ? ' elder' : '')} data-elder={elder ? 'true' : 'false'} style={style}>
      {children}
    </View>
  )
}
