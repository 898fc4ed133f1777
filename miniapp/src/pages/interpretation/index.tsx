import { Audio, Image, Text, Video, View } from '@tarojs/components'
import { INTERPRETATION_FORM_LABELS } from '@zw/shared'
import { Attachments, DetailFooter, DetailHeader, Links, RelatedList, RichBody } from '@/components/Detail'
import { Page } from '@/components/Page'
import { QaList } from '@/components/QaList'
import { Section } from '@/components/Section'
import { PendingPage } from '@/components/StateViews'
import { departmentFullName } from '@/lib/format'
import { resolveUrl } from '@/lib/open'
import { useItem, type DetailOf } from '@/lib/useItem'
import './index.css'

type Item = DetailOf<'interpretation'>

function Interpreter({ item }: { item: Item }) {
  const { interpreter } = item.interpretation
  return (
    <View className='interpreter'>
      <Text className='interpreter-line'>解读机关：{departmentFullName(interpreter.department)}</Text>
      {(interpreter.name || interpreter.isHead) && (
        <View className='interpreter-line'>
          {interpreter.name && <Text>解读人：{interpreter.name}</Text>}
          {interpreter.isHead && <Text className='head-tag'>第一解读人</Text>}
        </View>
      )}
    </View>
  )
}

function Body({ item }: { item: Item }) {
  if (!item.body.trim()) return null
  return <RichBody html={item.body} />
}

function Graphic({ item }: { item: Item }) {
  return (
    <View className='graphic'>
      {item.interpretation.images.map((img, i) => (
        <View key={i} className='figure'>
          <Image className='figure-image' src={resolveUrl(img.url)} mode='widthFix' aria-label={img.alt} showMenuByLongpress lazyLoad />
          {img.caption && <Text className='figure-caption'>{img.caption}</Text>}
        </View>
      ))}
      <Body item={item} />
    </View>
  )
}

function Media({ item }: { item: Item }) {
  const media = item.interpretation.media
  if (!media) return <Body item={item} />
  const src = media.url ? resolveUrl(media.url) : ''
  return (
    <View className='media'>
      {!src ? (
        <Text className='media-missing'>{media.kind === 'video' ? '视频' : '音频'}暂未提供，请阅读下方文字稿。</Text>
      ) : media.kind === 'video' ? (
        <Video className='media-video' src={src} controls showFullscreenBtn title={item.title} aria-label={`视频：${item.title}`} />
      ) : (
        <Audio className='media-audio' src={src} controls name={item.title} author={departmentFullName(item.department)} aria-label={`音频：${item.title}`} />
      )}
      <View className='sub-title' role='heading' aria-level={3}>
        文字稿
      </View>
      <Text className='transcript' userSelect>
        {media.transcript}
      </Text>
      <Body item={item} />
    </View>
  )
}

function Content({ item }: { item: Item }) {
  const { form, qa } = item.interpretation
  switch (form) {
    case 'qa':
      return (
        <>
          <QaList pairs={qa} />
          <Body item={item} />
        </>
      )
    case 'graphic':
      return <Graphic item={item} />
    case 'media':
      return <Media item={item} />
    case 'text':
    case 'interview':
      if (!item.body.trim() && qa.length === 0) return <Text className='plain'>暂无解读内容。</Text>
      return (
        <>
          <Body item={item} />
          {qa.length > 0 && <QaList pairs={qa} />}
        </>
      )
  }
}

export default function InterpretationPage() {
  const { state, reload } = useItem('interpretation')

  if (state.kind !== 'ready') return <PendingPage state={state} onRetry={() => void reload()} home />
  const { item } = state
  return (
    <Page>
      <DetailHeader type='interpretation' title={item.title} withdrawal={item.withdrawal}>
        <Text className='form-tag'>{INTERPRETATION_FORM_LABELS[item.interpretation.form]}</Text>
        <Interpreter item={item} />
      </DetailHeader>

      {item.policies.length > 0 && (
        <Section title='解读的政策文件' className='linked-policies'>
          <RelatedList items={item.policies} />
        </Section>
      )}

      {item.summary && <Text className='lead'>{item.summary}</Text>}

      <Section title='解读内容' className={`form-${item.interpretation.form}`}>
        <Content item={item} />
      </Section>

      <Attachments items={item.attachments} />
      <Links items={item.links} />
      <DetailFooter item={item} />
    </Page>
  )
}
