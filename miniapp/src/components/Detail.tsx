import type { ReactNode } from 'react'
import { RichText, Text, View } from '@tarojs/components'
import {
  CONTENT_TYPE_LABELS,
  INTERPRETATION_FORM_LABELS,
  PUBLICATION_EVENT_LABELS,
  type ContentDetail,
  type ContentType,
  type InterpretationForm,
} from '@zw/shared'
import { fileKind, formatFileSize, formatPublished } from '@/lib/format'
import { openAttachment, openLink } from '@/lib/open'
import { itemPath, openPage } from '@/lib/routes'
import { messageWritePath } from '@/lib/citizenPages'
import { ElderSwitch } from './ElderSwitch'
import { Section } from './Section'

/** The top of a detail page: what kind of item this is, its title, and the 长辈版 switch; a withdrawn item says so first. */
export function DetailHeader({ type, title, withdrawal, children }: { type: ContentType; title: string; withdrawal?: ContentDetail['withdrawal']; children?: ReactNode }) {
  return (
    <View className='detail-header'>
      {withdrawal && <WithdrawalBanner withdrawal={withdrawal} />}
      <View className='detail-top'>
        <Text className='detail-kind'>{CONTENT_TYPE_LABELS[type]}</Text>
        <ElderSwitch compact />
      </View>
      <View className='detail-title' role='heading' aria-level={1}>
        <Text userSelect>{title}</Text>
      </View>
      {children}
    </View>
  )
}

/** Sanitised HTML from the server. */
export function RichBody({ html }: { html: string }) {
  return (
    <View className='rich-body'>
      <RichText nodes={html} userSelect />
    </View>
  )
}

/** 附件 of a detail page or a consultation: each opens (h5) or downloads and opens (WeChat); a size of 0 is unknown, not shown. */
export function Attachments({ items }: { items: ContentDetail['attachments'] }) {
  if (!items.length) return null
  return (
    <Section title='附件'>
      {items.map((a, i) => (
        <View key={i} className='row-link attachment' role='link' onClick={() => openAttachment(a.url)}>
          <Text className='row-link-title'>{a.name}</Text>
          <Text className='row-link-sub'>{[fileKind(a.mime, a.name), a.size > 0 ? formatFileSize(a.size) : '', '点击打开'].filter(Boolean).join('，')}</Text>
        </View>
      ))}
    </Section>
  )
}

export function Links({ items }: { items: ContentDetail['links'] }) {
  if (!items.length) return null
  return (
    <Section title='相关链接'>
      {items.map((l, i) => (
        <View key={i} className='row-link' role='link' onClick={() => openLink(l.url)}>
          <Text className='row-link-title'>{l.title}</Text>
          <Text className='row-link-sub'>
            {process.env.TARO_ENV === 'h5' ? '点击打开网页' : '点击复制网址，可粘贴到浏览器打开'}
          </Text>
        </View>
      ))}
    </Section>
  )
}

export interface Related {
  id: string
  type: ContentType
  title: string
  form?: InterpretationForm
}

/** Other items linked from this one; each row opens that item. */
export function RelatedList({ items }: { items: readonly Related[] }) {
  return (
    <View className='related-list'>
      {items.map((r) => (
        <View key={r.id} className='row-link related' data-id={r.id} role='link' onClick={() => openPage(itemPath(r.type, r.id))}>
          <Text className='row-link-title'>{r.title}</Text>
          <Text className='row-link-sub'>
            {r.form ? INTERPRETATION_FORM_LABELS[r.form] : CONTENT_TYPE_LABELS[r.type]}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** 撤回: the page stays so links keep working, but says plainly that it no longer applies, and why. */
function WithdrawalBanner({ withdrawal }: { withdrawal: NonNullable<ContentDetail['withdrawal']> }) {
  return (
    <View className='withdrawal-banner' role='note' aria-label='本信息已撤回'>
      <Text className='withdrawal-title'>本信息已于{formatPublished(withdrawal.at)}撤回</Text>
      <Text className='withdrawal-text' userSelect>
        撤回说明：{withdrawal.explanation}
      </Text>
    </View>
  )
}

/** 发布记录: when it was published, revised (what changed), withdrawn, or changed 效力状态. */
export function PublicationHistory({ history }: { history: ContentDetail['history'] }) {
  if (history.length < 2) return null
  return (
    <Section title='发布记录' className='publication-history'>
      {history.map((h, i) => (
        <View key={i} className='history-row'>
          <Text className='history-when'>{formatPublished(h.at)}</Text>
          <Text className='history-what'>
            {PUBLICATION_EVENT_LABELS[h.kind]}
            {h.note ? `：${h.note}` : ''}
          </Text>
        </View>
      ))}
    </Section>
  )
}

/** Publication history, date and views, at the foot of a detail page. */
export function DetailFooter({ item }: { item: ContentDetail }) {
  return (
    <>
      <PublicationHistory history={item.history} />
      <View className='more-link' role='link' data-testid='ask-about-item' onClick={() => openPage(messageWritePath({ id: item.id, title: item.title }))}>
        <Text>对本文有疑问或建议？我要留言</Text>
      </View>
      <DetailFooterLine item={item} />
    </>
  )
}

function DetailFooterLine({ item }: { item: ContentDetail }) {
  return (
    <View className='detail-footer'>
      <Text className='detail-footer-text'>发布时间：{formatPublished(item.publishedAt)}</Text>
      <Text className='detail-footer-text'>浏览 {item.views} 次</Text>
    </View>
  )
}
