import { Text, View } from '@tarojs/components'

/** What went wrong, read out by screen readers at once (role=alert); nothing when there is no error. */
export function ErrorNotice({ error }: { error: string | null | undefined }) {
  return error ? (
    <View className='wb-error' role='alert'>
      <Text>{error}</Text>
    </View>
  ) : null
}

/** What was just done (role=status); nothing when there is no message. */
export function DoneNotice({ message }: { message: string | null | undefined }) {
  return message ? (
    <View role='status'>
      <Text className='wb-ok'>{message}</Text>
    </View>
  ) : null
}

/** A page whose data is not there yet: the error that stopped it, or 正在加载…. */
export function LoadingPage({ error }: { error: string | null | undefined }) {
  return <View className='workbench'>{error ? <ErrorNotice error={error} /> : <Text className='workbench-text'>正在加载…</Text>}</View>
}
