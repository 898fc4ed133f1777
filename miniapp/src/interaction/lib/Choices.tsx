import { Text, View } from '@tarojs/components'

/** Large choices in a row (部门, 类型, 公开与否): the whole tile is the tap target. */
export function Choices<K extends string>({ label, options, value, onChange, field }: { label: string; options: Record<K, string>; value: K; onChange: (v: K) => void; field: string }) {
  return (
    <View className='ia-field'>
      <Text className='ia-label'>{label}</Text>
      <View className='ia-choices' role='radiogroup' aria-label={label} data-field={field}>
        {(Object.keys(options) as K[]).map((k) => (
          <View key={k} className={'ia-choice' + (value === k ? ' ia-choice-on' : '')} role='radio' aria-checked={value === k} data-value={k} onClick={() => onChange(k)}>
            <Text>{options[k]}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** 公开 or not, as a yes/no choice. */
export function PublicChoice({ label, value, onChange, yes, no }: { label: string; value: boolean; onChange: (v: boolean) => void; yes: string; no: string }) {
  return <Choices label={label} field='public' options={{ yes, no }} value={value ? 'yes' : 'no'} onChange={(v) => onChange(v === 'yes')} />
}
