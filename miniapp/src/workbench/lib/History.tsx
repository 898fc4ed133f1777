import { Text, View } from '@tarojs/components'

export interface HistoryRow {
  /** The day (YYYY-MM-DD) it happened. */
  on: string
  label: string
  by: string
  note: string
}

/** 办理记录: one row per step, the day and what was done, who and with what note. */
export function History({ title, rows, testId }: { title: string; rows: readonly HistoryRow[]; testId: string }) {
  return (
    <View>
      <Text className='workbench-title'>{title}</Text>
      <View data-testid={testId}>
        {rows.map((h, i) => (
          <View key={i} className='wb-list-row'>
            <Text className='wb-task-kind'>{h.on} {h.label}</Text>
            <Text className='wb-task-meta'>{h.by}{h.note ? `：${h.note}` : ''}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
