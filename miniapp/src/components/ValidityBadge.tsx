import { Text } from '@tarojs/components'
import { VALIDITY_LABELS, type ValidityStatus } from '@zw/shared'
import { formatDateOnlyCn } from '@/lib/format'

/** 效力状态: 有效 in green, the others in warning colours, with the date it changed. */
export function ValidityBadge({ status, changedOn }: { status: ValidityStatus; changedOn?: string }) {
  const when = status !== 'valid' && changedOn ? `（${formatDateOnlyCn(changedOn)}）` : ''
  return (
    <Text className={`validity-badge validity-${status}`} aria-label={`效力状态：${VALIDITY_LABELS[status]}${when}`}>
      {VALIDITY_LABELS[status]}
      {when}
    </Text>
  )
}
