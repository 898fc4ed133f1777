import { useState } from 'react'
import { Text, View } from '@tarojs/components'

export interface ChoiceOption<T> {
  value: T
  label: string
}

/**
 * A picker drawn in the page: tapping the button opens a grid of large choices, tapping a
 * choice selects it and closes the grid. Used instead of the native picker, whose wheel is
 * small and fiddly for older people (and tiny in h5).
 */
export function Choice<T>({
  label,
  options,
  value,
  onChange,
  className,
}: {
  label: string
  options: readonly ChoiceOption<T>[]
  value: T
  onChange: (value: T) => void
  className?: string
}) {
  const [open, setOpen] = useState(false)
  const current = options.find((o) => o.value === value) ?? options[0]
  return (
    <View className={'choice' + (className ? ` ${className}` : '') + (open ? ' choice-open' : '')}>
      <View
        className='picker'
        role='button'
        aria-expanded={open}
        aria-label={`${label}：${current?.label ?? ''}，点按更换`}
        onClick={() => setOpen((o) => !o)}
      >
        <Text className='picker-label'>{label}：</Text>
        <Text className='picker-value'>{current?.label}</Text>
        <Text className='picker-arrow' aria-hidden='true'>
          {open ? '▲' : '▼'}
        </Text>
      </View>
      {open && (
        <View className='choice-grid' role='listbox' aria-label={label}>
          {options.map((o) => {
            const selected = o.value === value
            return (
              <View
                key={o.label}
                className={'choice-option' + (selected ? ' choice-selected' : '')}
                role='option'
                aria-selected={selected}
                onClick={() => {
                  setOpen(false)
                  if (!selected) onChange(o.value)
                }}
              >
                <Text>{o.label}</Text>
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
