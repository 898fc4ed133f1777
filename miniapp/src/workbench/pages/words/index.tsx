import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { can, type WordingRule } from '@zw/shared'
import { errorMessage } from '@/lib/errors'
import { asStaff, savedSession } from '../../lib/session'
import { DoneNotice, ErrorNotice, LoadingPage } from '../../lib/Notices'
import '../index/index.css'

type Row = { wrong: string; right: string; note: string; notFollowedBy?: string }

/**
 * 错敏词表: the wordings the pre-publication checks flag, with their correction. Platform
 * admins edit and save the whole list (audited); everyone else sees what will be flagged.
 */
export default function WordsPage() {
  const staff = savedSession()?.staff
  const [rows, setRows] = useState<Row[]>()
  const [isDefault, setIsDefault] = useState(true)
  const [message, setMessage] = useState('')
  const [error, setError] = useState('')
  const edits = !!staff && can(staff, 'platform.configure')
  useEffect(() => {
    asStaff((c) => c.call('getWordingRules', {}))
      .then((r) => {
        setRows(r.rules.map((x: WordingRule) => ({ ...x })))
        setIsDefault(r.isDefault)
      })
      .catch((err: unknown) => setError(errorMessage(err)))
  }, [])
  if (!staff) return <View className='workbench'><Text className='workbench-text'>请先登录工作台。</Text></View>
  if (!rows) return <LoadingPage error={error} />
  const change = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const save = async () => {
    setError('')
    setMessage('')
    try {
      const saved = await asStaff((c) => c.call('putWordingRules', { body: { rules: rows.map((r) => ({ ...r, notFollowedBy: r.notFollowedBy || undefined })) } }))
      setRows(saved.rules.map((x: WordingRule) => ({ ...x })))
      setIsDefault(saved.isDefault)
      setMessage(`已保存 ${saved.rules.length} 条，发布前检查即刻使用新词表`)
    } catch (err) {
      setError(errorMessage(err, '保存失败，请稍后再试'))
    }
  }
  return (
    <View className='workbench'>
      <Text className='workbench-title'>错敏词表</Text>
      <Text className='workbench-text'>{isDefault ? '当前使用内置词表。' : '当前使用平台管理员维护的词表。'}稿件中出现“错误写法”时，发布前检查会提示改为“正确写法”。</Text>
      {rows.map((r, i) => (
        <View key={i} className='wb-card wb-word' data-testid='word-row'>
          {edits ? (
            <View>
              <Input className='wb-input' aria-label={`第 ${i + 1} 条错误写法`} placeholder='错误写法' value={r.wrong} onInput={(e) => change(i, { wrong: e.detail.value })} />
              <Input className='wb-input' aria-label={`第 ${i + 1} 条正确写法`} placeholder='正确写法' value={r.right} onInput={(e) => change(i, { right: e.detail.value })} />
              <Input className='wb-input' aria-label={`第 ${i + 1} 条说明`} placeholder='说明（可选）' value={r.note} onInput={(e) => change(i, { note: e.detail.value })} />
              <View className='wb-button wb-secondary' role='button' onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                <Text>删除这一条</Text>
              </View>
            </View>
          ) : (
            <Text className='workbench-text'>「{r.wrong}」→「{r.right}」{r.note ? `（${r.note}）` : ''}</Text>
          )}
        </View>
      ))}
      {edits ? (
        <View>
          <View className='wb-button wb-secondary' role='button' onClick={() => setRows([...rows, { wrong: '', right: '', note: '' }])}>
            <Text>添加一条</Text>
          </View>
          <View className='wb-button' role='button' onClick={() => void save()}>
            <Text>保存词表</Text>
          </View>
        </View>
      ) : null}
      <DoneNotice message={message} />
      <ErrorNotice error={error} />
    </View>
  )
}
