import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { regionCovers, regionFullName } from '@zw/shared'
import { regionCascade } from '@/lib/citizenProfile'
import { addArea } from './campaignForm'

/**
 * 地区 of a campaign, several at once: a compact cascade (省 → 市 → 县（区）→ 乡镇) of chips
 * from the shared region table — tap down to the area, then 添加 — and the chosen areas
 * with 移除. Each area covers everything below it; none chosen: every area.
 */
export function AreaPicker({ regions, onChange, start }: { regions: readonly string[]; onChange: (regions: string[]) => void; start?: string | null }) {
  // Opened at the department's own area (its counties one tap away); tap a chosen level to go back up.
  const [cursor, setCursor] = useState<string | null>(start ?? null)
  const [note, setNote] = useState('')
  const levels = regionCascade(cursor)
  const add = () => {
    if (!cursor) return
    const next = addArea(regions, cursor)
    setNote(next.note ?? '')
    if (next.regions.length !== regions.length || next.regions.some((r, i) => r !== regions[i])) onChange(next.regions)
  }
  const covered = !!cursor && regions.some((r) => regionCovers(r, cursor))
  return (
    <View className='camp-areas' data-testid='area-picker'>
      <View className='camp-area-chosen' data-testid='chosen-areas'>
        {regions.length === 0 ? <Text className='wb-task-meta'>未选地区：面向所有地区的订阅者</Text> : null}
        {regions.map((code) => (
          <View key={code} className='wb-chip wb-chip-on camp-area' data-code={code}>
            <Text>{regionFullName(code) ?? code}</Text>
            <View className='camp-area-remove' role='button' aria-label={`移除 ${regionFullName(code) ?? code}`} onClick={() => onChange(regions.filter((r) => r !== code))}>
              <Text>✕</Text>
            </View>
          </View>
        ))}
      </View>
      {levels.map((level, i) => (
        <View key={level.parent?.code ?? 'provinces'} className='camp-area-level' data-level={level.level}>
          <Text className='wb-task-meta'>{level.label}</Text>
          <View className='wb-chips' role='radiogroup' aria-label={`选择${level.label}`}>
            {/* Levels above the one being chosen show only their choice (tap it to choose again). */}
            {(level.selected && i < levels.length - 1 ? [level.selected] : level.options).map((r) => {
              const on = level.selected?.code === r.code
              return (
                <View
                  key={r.code}
                  className={'wb-chip camp-area-option' + (on ? ' wb-chip-on' : '')}
                  role='radio'
                  aria-checked={on}
                  data-code={r.code}
                  // Tapping the chosen area again goes back up a level.
                  onClick={() => setCursor(on ? (level.parent?.code ?? null) : r.code)}
                >
                  <Text>{r.name}</Text>
                </View>
              )
            })}
          </View>
        </View>
      ))}
      {cursor ? (
        <View className={'wb-button wb-secondary' + (covered ? ' wb-busy' : '')} role='button' aria-disabled={covered} data-testid='add-area' onClick={covered ? undefined : add}>
          <Text>{covered ? '已包含' : '添加地区'}：{regionFullName(cursor)}</Text>
        </View>
      ) : null}
      {note ? <Text className='wb-task-meta' data-testid='area-note'>{note}</Text> : null}
    </View>
  )
}
