import { useState } from 'react'
import { Text, View } from '@tarojs/components'

export interface QaPair {
  q: string
  a: string
}

/**
 * Question-and-answer pairs: tap a question to show or hide its answer. Only the first
 * answer is open at the start, so the list stays short to scan.
 */
export function QaList({ pairs }: { pairs: readonly QaPair[] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set(pairs.length ? [0] : []))
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (next.has(i)) next.delete(i)
      else next.add(i)
      return next
    })
  return (
    <View className='qa-list'>
      {pairs.map((pair, i) => {
        const isOpen = open.has(i)
        return (
          <View key={i} className={'qa-item' + (isOpen ? ' qa-open' : '')}>
            <View className='qa-question' role='button' aria-expanded={isOpen} onClick={() => toggle(i)}>
              <Text className='qa-mark'>问</Text>
              <Text className='qa-question-text'>{pair.q}</Text>
              <Text className='qa-toggle' aria-hidden='true'>
                {isOpen ? '收起' : '展开'}
              </Text>
            </View>
            {isOpen && (
              <View className='qa-answer'>
                <Text className='qa-mark qa-mark-answer'>答</Text>
                <Text className='qa-answer-text' userSelect>
                  {pair.a}
                </Text>
              </View>
            )}
          </View>
        )
      })}
    </View>
  )
}
