import { Text, View } from '@tarojs/components'
import { useElderMode } from '@/lib/elderMode'

/**
 * The 长辈版 switch. Reads "长辈版" while off (tap to turn on) and "标准版" while on
 * (tap to go back). `compact` is the small version for page headers.
 */
export function ElderSwitch({ compact = false }: { compact?: boolean }) {
  const { elder, toggle } = useElderMode()
  return (
    <View
      className={'elder-switch' + (compact ? ' elder-switch-compact' : '') + (elder ? ' elder-switch-on' : '')}
      role='switch'
      aria-checked={elder}
      aria-label={elder ? '切换到标准版' : '切换到长辈版，字更大'}
      onClick={toggle}
    >
      <Text className='elder-switch-text'>{elder ? '标准版' : '长辈版'}</Text>
    </View>
  )
}
