import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'

/** A white block with a clear heading. */
export function Section({ title, children, className }: PropsWithChildren<{ title: string; className?: string }>) {
  return (
    <View className={'section' + (className ? ` ${className}` : '')} aria-label={title}>
      <View className='section-title' role='heading' aria-level={2}>
        {title}
      </View>
      {children}
    </View>
  )
}
