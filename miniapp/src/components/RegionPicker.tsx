import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { hasSubregions, regionCascade, regionPathName } from '@/lib/citizenProfile'

/**
 * 所在地区: one large row per level (省 → 市 → 县（区）→ 乡镇（街道）→ 村（社区）) from the
 * shared region table; tapping a row opens its areas as big buttons. Choosing an area
 * opens the next level at once; the first button of a level stops at the level above
 * ("只选到 新乡市"), so the citizen may stop anywhere. Never free text.
 * Styles live in the 我的 page's CSS.
 */
export function RegionPicker({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const levels = regionCascade(value)
  // Nothing chosen yet: the provinces are open from the start.
  const [open, setOpen] = useState<number | null>(() => (value === null ? 0 : null))
  const fullName = regionPathName(value)

  return (
    <View className='region-picker'>
      <View className='region-current' data-testid='region-current'>
        <Text className='region-current-label'>已选：</Text>
        <Text className='region-current-value'>{fullName ?? (value ? '原来选的地区已不在列表中，请重新选择' : '还没有选')}</Text>
      </View>
      {levels.map((level, i) => {
        const isOpen = open === i
        const stopLabel = level.parent ? `只选到${level.parent.name}` : '不选地区'
        return (
          <View key={level.parent?.code ?? 'provinces'} className='region-level' data-level={level.level}>
            <View
              className={'region-row' + (isOpen ? ' region-row-open' : '')}
              role='button'
              aria-expanded={isOpen}
              aria-label={`${level.label}：${level.selected?.name ?? '未选'}，点按${isOpen ? '收起' : '选择'}`}
              onClick={() => setOpen(isOpen ? null : i)}
            >
              <Text className='region-row-label'>{level.label}</Text>
              <Text className={'region-row-value' + (level.selected ? '' : ' region-row-empty')}>{level.selected?.name ?? '请选择'}</Text>
              <Text className='region-row-arrow' aria-hidden='true'>
                {isOpen ? '▲' : '▼'}
              </Text>
            </View>
            {isOpen && (
              <View className='region-options' role='listbox' aria-label={`选择${level.label}`}>
                <View
                  className={'region-option region-option-stop' + (level.selected ? '' : ' region-option-selected')}
                  role='option'
                  aria-selected={!level.selected}
                  onClick={() => {
                    setOpen(null)
                    onChange(level.parent?.code ?? null)
                  }}
                >
                  <Text>{stopLabel}</Text>
                </View>
                {level.options.map((region) => {
                  const selected = level.selected?.code === region.code
                  return (
                    <View
                      key={region.code}
                      className={'region-option' + (selected ? ' region-option-selected' : '')}
                      role='option'
                      aria-selected={selected}
                      data-code={region.code}
                      onClick={() => {
                        setOpen(hasSubregions(region.code) ? i + 1 : null)
                        onChange(region.code)
                      }}
                    >
                      <Text>{region.name}</Text>
                    </View>
                  )
                })}
              </View>
            )}
          </View>
        )
      })}
    </View>
  )
}
