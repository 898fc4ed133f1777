import { Text } from '@tarojs/components'
import { splitHighlights } from '@/lib/highlight'

/** Text with the matched words marked (`.hl`). */
export function HighlightedText({
  text,
  ranges,
  className,
}: {
  text: string
  ranges: ReadonlyArray<readonly [number, number]>
  className?: string
}) {
  const parts = splitHighlights(text, ranges)
  return (
    <Text className={className}>
      {parts.map((p, i) =>
        p.hit ? (
          <Text key={i} className='hl'>
            {p.text}
          </Text>
        ) : (
          <Text key={i}>{p.text}</Text>
        ),
      )}
    </Text>
  )
}
