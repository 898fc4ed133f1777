import { Text, View } from '@tarojs/components'

/**
 * A large tick box with its label (身份类别, 订阅主题): the whole tile is the tap target,
 * ✓ when chosen. `data` carries the test and styling hooks (`data-group`, `data-topic`).
 */
export function CheckTile(props: { on: boolean; label: string; onClick: () => void; className?: string; data?: Record<`data-${string}`, string> }) {
  return (
    <View className={'group-option' + (props.className ? ` ${props.className}` : '') + (props.on ? ' group-on' : '')} role='checkbox' aria-checked={props.on} {...props.data} onClick={props.onClick}>
      <Text className='group-mark' aria-hidden='true'>
        {props.on ? '✓' : ''}
      </Text>
      <Text className='group-name'>{props.label}</Text>
    </View>
  )
}
