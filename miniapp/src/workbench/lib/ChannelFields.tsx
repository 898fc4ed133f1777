import { Input, Text, Textarea, View } from '@tarojs/components'
import { DISTRIBUTION_CHANNEL_LABELS, DISTRIBUTION_CHANNELS, OA_DIGEST_MAX, OA_TITLE_MAX, WEIBO_TEXT_MAX, type ChannelAccount, type Distribution, type DistributionChannel } from '@zw/shared'

/**
 * 两微分发: the channels besides the mini-program an edition goes to after review, and the
 * text each shows (公众号 title and digest, 微博 text; the link is added by the server).
 * Only the department's connected accounts can be chosen. Part of the edition: reviewed with it.
 */
export function ChannelFields(props: { value: Distribution; accounts: ChannelAccount[]; onChange: (d: Distribution) => void; sentBefore?: SentBefore }) {
  const { value, accounts, onChange } = props
  const connected = (c: DistributionChannel) => accounts.some((a) => a.channel === c && a.hasCredentials)
  const toggle = (c: DistributionChannel) => onChange({ ...value, channels: value.channels.includes(c) ? value.channels.filter((x) => x !== c) : [...value.channels, c] })
  const text = (key: 'oaTitle' | 'oaDigest' | 'weiboText', v: string) => onChange({ ...value, [key]: v.trim() ? v : undefined })
  return (
    <View className='wb-card' data-testid='channel-fields'>
      <Text className='wb-label'>同时发布到（审核通过、发布后自动发送）</Text>
      <View className='wb-chips' role='group' aria-label='发布渠道'>
        {DISTRIBUTION_CHANNELS.map((c) => (
          <View
            key={c}
            className={'wb-chip' + (value.channels.includes(c) ? ' wb-chip-on' : '')}
            role='checkbox'
            aria-checked={value.channels.includes(c)}
            aria-disabled={!connected(c)}
            onClick={() => (connected(c) || value.channels.includes(c) ? toggle(c) : undefined)}
          >
            <Text>{DISTRIBUTION_CHANNEL_LABELS[c]}{connected(c) ? '' : '（未连接）'}</Text>
          </View>
        ))}
      </View>
      <SentBeforeNote sentBefore={props.sentBefore} channels={value.channels} />
      {value.channels.includes('official-account') ? (
        <View>
          <Input className='wb-input' aria-label='公众号标题' placeholder={`公众号标题（可选，默认用内容标题，不超过 ${OA_TITLE_MAX} 字）`} maxlength={OA_TITLE_MAX} value={value.oaTitle ?? ''} onInput={(e) => text('oaTitle', e.detail.value)} />
          <Textarea className='wb-textarea' aria-label='公众号摘要' placeholder={`公众号摘要（可选，默认用内容摘要，不超过 ${OA_DIGEST_MAX} 字）`} maxlength={OA_DIGEST_MAX} value={value.oaDigest ?? ''} onInput={(e) => text('oaDigest', e.detail.value)} />
        </View>
      ) : null}
      {value.channels.includes('weibo') ? (
        <Textarea className='wb-textarea' aria-label='微博文字' placeholder={`微博文字（可选，不超过 ${WEIBO_TEXT_MAX} 字，内容链接自动附上）`} maxlength={WEIBO_TEXT_MAX} value={value.weiboText ?? ''} onInput={(e) => text('weiboText', e.detail.value)} />
      ) : null}
    </View>
  )
}

/** Per channel, the edition of this item already sent there (a revision is not sent again: ADR 0020). */
export type SentBefore = Partial<Record<DistributionChannel, number>>

/** The channels a revision will not go to again because an earlier edition went there. */
export function sentBeforeOf(deliveries: readonly { channel: DistributionChannel; edition: number }[], edition: number): SentBefore {
  const out: SentBefore = {}
  for (const d of deliveries) if (d.edition < edition && (out[d.channel] === undefined || d.edition < out[d.channel]!)) out[d.channel] = d.edition
  return out
}

function SentBeforeNote(props: { sentBefore: SentBefore | undefined; channels: readonly DistributionChannel[] }) {
  const sent = DISTRIBUTION_CHANNELS.filter((c) => props.sentBefore?.[c] !== undefined && props.channels.includes(c))
  if (!sent.length) return null
  return (
    <View data-testid='channels-sent-before'>
      {sent.map((c) => (
        <Text key={c} className='workbench-text'>
          {DISTRIBUTION_CHANNEL_LABELS[c]}已在第 {props.sentBefore![c]} 版发送过：本次修订不会再发一次（平台不支持修改已发布的内容），如需更正，请到{DISTRIBUTION_CHANNEL_LABELS[c]}后台手动修改或发布更正说明。
        </Text>
      ))}
    </View>
  )
}

/** What a reviewer reads: the channels and their texts, as they will go out. */
export function ChannelSummary(props: { value: Distribution | undefined; sentBefore?: SentBefore }) {
  const d = props.value
  if (!d?.channels.length) return <Text className='workbench-text' data-testid='channel-summary'>发布渠道：仅小程序</Text>
  return (
    <View data-testid='channel-summary'>
      <Text className='workbench-text'>发布渠道：小程序、{d.channels.map((c) => DISTRIBUTION_CHANNEL_LABELS[c]).join('、')}</Text>
      <SentBeforeNote sentBefore={props.sentBefore} channels={d.channels} />
      {d.oaTitle ? <Text className='workbench-text'>公众号标题：{d.oaTitle}</Text> : null}
      {d.oaDigest ? <Text className='workbench-text'>公众号摘要：{d.oaDigest}</Text> : null}
      {d.weiboText ? <Text className='workbench-text'>微博文字：{d.weiboText}</Text> : null}
    </View>
  )
}
