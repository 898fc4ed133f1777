import { Text, View } from '@tarojs/components'
import { DISCLOSURE_LABELS, VALIDITY_LABELS } from '@zw/shared'
import { Attachments, DetailFooter, DetailHeader, Links, RelatedList, RichBody } from '@/components/Detail'
import { Page } from '@/components/Page'
import { Section } from '@/components/Section'
import { PendingPage } from '@/components/StateViews'
import { ValidityBadge } from '@/components/ValidityBadge'
import { fieldLabel, formatDateOnlyCn, topicNames } from '@/lib/format'
import { itemPath, openPage } from '@/lib/routes'
import { useItem, type DetailOf } from '@/lib/useItem'
import './index.css'

const NOT_GIVEN = '未标注'

function MetaTable({ item }: { item: DetailOf<'policy'> }) {
  const p = item.policy
  const rows: [string, string][] = [
    ['索引号', p.indexNumber || NOT_GIVEN],
    ['发布机构', p.issuer],
    ['文号', p.docNumber ?? NOT_GIVEN],
    ['成文日期', p.writtenOn ? formatDateOnlyCn(p.writtenOn) : NOT_GIVEN],
    ['发布日期', formatDateOnlyCn(p.publishedOn)],
    ['主题分类', topicNames(item.topics) || NOT_GIVEN],
    ['效力状态', VALIDITY_LABELS[p.validity.status]],
    ['公开属性', DISCLOSURE_LABELS[p.disclosure]],
  ]
  return (
    <View className='meta-table' role='table' aria-label='文件信息'>
      {rows.map(([label, value]) => (
        <View key={label} className='meta-row' role='row'>
          <View className='meta-label' role='rowheader'>
            {label}
          </View>
          <View className={'meta-value' + (value === NOT_GIVEN ? ' meta-missing' : '')} role='cell'>
            <Text userSelect>{value}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

function ValidityNotice({ item }: { item: DetailOf<'policy'> }) {
  const { validity, supersededByItem } = item.policy
  const changed = validity.status !== 'valid'
  return (
    <View className={'validity-notice' + (changed ? ' validity-notice-warn' : '')}>
      <View className='validity-line'>
        <Text className='validity-caption'>效力状态：</Text>
        <ValidityBadge status={validity.status} changedOn={validity.changedOn} />
      </View>
      {validity.note && <Text className='validity-text'>{validity.note}</Text>}
      {supersededByItem && (
        <View className='superseded-link' role='link' data-id={supersededByItem.id} onClick={() => openPage(itemPath(supersededByItem.type, supersededByItem.id))}>
          <Text>本文件已被《{supersededByItem.title}》替代，点此查看</Text>
        </View>
      )}
    </View>
  )
}

export default function PolicyPage() {
  const { state, reload } = useItem('policy')

  if (state.kind !== 'ready') return <PendingPage state={state} onRetry={() => void reload()} home />
  const { item } = state
  const unknown = item.policy.unknownFields
  return (
    <Page>
      <DetailHeader type='policy' title={item.title} withdrawal={item.withdrawal}>
        <ValidityNotice item={item} />
      </DetailHeader>

      <MetaTable item={item} />
      {unknown.length > 0 && <Text className='source-note'>来源未载明：{unknown.map(fieldLabel).join('、')}</Text>}

      <Section title='正文'>
        {item.body.trim() ? <RichBody html={item.body} /> : (
          <Text className='plain'>{item.attachments.length ? '本文件的内容在下方附件中。' : '本文件暂无正文内容。'}</Text>
        )}
      </Section>

      <Attachments items={item.attachments} />
      <Links items={item.links} />

      {item.interpretations.length > 0 && (
        <Section title='政策解读' className='interpretations'>
          <RelatedList items={item.interpretations} />
        </Section>
      )}

      <DetailFooter item={item} />
    </Page>
  )
}
