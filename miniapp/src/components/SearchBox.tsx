import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'

/**
 * A large search field with its own button. Submitting (the keyboard's 搜索 key or the
 * button) hands the words, trimmed, to `onSubmit`. No length limit here: the server says
 * in Chinese what is too long.
 */
export function SearchBox({
  initial = '',
  onSubmit,
  autoFocus = false,
}: {
  initial?: string
  onSubmit: (q: string) => void
  autoFocus?: boolean
}) {
  const [value, setValue] = useState(initial)
  useEffect(() => setValue(initial), [initial])
  const submit = () => onSubmit(value.trim())
  return (
    <View className='search-box' role='search'>
      <Input
        className='search-input'
        type='text'
        confirmType='search'
        value={value}
        maxlength={-1}
        focus={autoFocus}
        placeholder='输入要找的内容'
        placeholderClass='search-placeholder'
        aria-label='搜索内容'
        onInput={(e) => setValue(e.detail.value)}
        onConfirm={(e) => onSubmit(e.detail.value.trim())}
      />
      <View className='search-submit' role='button' onClick={submit}>
        <Text>搜索</Text>
      </View>
    </View>
  )
}
