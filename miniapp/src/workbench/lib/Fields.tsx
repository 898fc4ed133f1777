import type { ReactNode } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'

/** Small building blocks of the workbench forms: a labelled input, a text area, chips, a row list. */
export function Field({ label, value, onInput, placeholder, number }: { label: string; value: string; onInput: (v: string) => void; placeholder?: string; number?: boolean }) {
  return (
    <View className='wb-field'>
      <Text className='wb-label'>{label}</Text>
      <Input className='wb-input' type={number ? 'number' : 'text'} aria-label={label} placeholder={placeholder} value={value} onInput={(e) => onInput(e.detail.value)} />
    </View>
  )
}

export function Area({ label, value, onInput, placeholder }: { label: string; value: string; onInput: (v: string) => void; placeholder?: string }) {
  return (
    <View className='wb-field'>
      <Text className='wb-label'>{label}</Text>
      <Textarea className='wb-textarea' aria-label={label} maxlength={-1} placeholder={placeholder} value={value} onInput={(e) => onInput(e.detail.value)} />
    </View>
  )
}

export function Chips<T extends string>({ label, options, selected, onToggle }: { label: string; options: readonly { value: T; text: string }[]; selected: readonly T[]; onToggle: (v: T) => void }) {
  return (
    <View className='wb-field'>
      <Text className='wb-label'>{label}</Text>
      <View className='wb-chips' role='group' aria-label={label}>
        {options.map((o) => (
          <View key={o.value} className={'wb-chip' + (selected.includes(o.value) ? ' wb-chip-on' : '')} role='checkbox' aria-checked={selected.includes(o.value)} onClick={() => onToggle(o.value)}>
            <Text>{o.text}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** A list of rows (Q&A pairs, materials, steps …) with 删除 per row and 添加 at the end. */
export function Rows<T>({ label, rows, render, onChange, blank, testId }: { label: string; rows: T[]; render: (row: T, set: (r: T) => void, i: number) => ReactNode; onChange: (rows: T[]) => void; blank: () => T; testId: string }) {
  return (
    <View className='wb-field' data-testid={testId}>
      <Text className='wb-label'>{label}</Text>
      {rows.map((row, i) => (
        <View key={i} className='wb-card' data-testid={`${testId}-row`}>
          {render(row, (r) => onChange(rows.map((x, j) => (j === i ? r : x))), i)}
          <View className='wb-button wb-secondary' role='button' onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <Text>删除这一项</Text>
          </View>
        </View>
      ))}
      <View className='wb-button wb-secondary' role='button' onClick={() => onChange([...rows, blank()])}>
        <Text>添加一项</Text>
      </View>
    </View>
  )
}
