import { Text, View } from '@tarojs/components'
import type { RectificationView } from '@fangxin/shared'
import { formatShanghaiTime } from '@/lib/time'
import { StoredPhotos } from './photo-picker'
import './rectification.css'

/**
 * A rectification order in full, as staff and the shop both read it: what the inspector found, then every
 * round — the requirements and deadline, the shop's answer (in time or late), the re-check.
 */
export function RectificationDetail({ order }: { order: RectificationView }) {
  return (
    <View className='rectification-detail'>
      <View className={`card rectification-head ${order.overdue ? 'rectification-item--overdue' : ''}`}>
        <Text className='card-title rectification-shop'>{order.merchant.name}</Text>
        <Text className='rectification-line rectification-item-label'>
          {order.itemCode} {order.itemLabel}（{order.categoryLabel}）
        </Text>
        <Text className='rectification-line rectification-state'>
          {order.statusLabel}
          {order.overdue ? ' · 已超期' : ''} · 整改期限 {order.deadline}（当日 24 时前）
        </Text>
        <Text className='rectification-line'>
          {order.issuer} · {order.modeLabel} · 检查日期 {order.inspectedOn}
        </Text>
        <Text className='rectification-line'>检查要点：{order.lookFor}</Text>
        {order.finding.note ? <Text className='rectification-line rectification-finding'>检查发现：{order.finding.note}</Text> : null}
        <StoredPhotos photos={order.finding.photos} className='finding-photos' />
      </View>
      {order.rounds.map((round) => (
        <View key={round.round} className={`round round--${round.round}`}>
          <Text className='round-title'>第 {round.round} 轮</Text>
          <Text className='round-line'>下达：{formatShanghaiTime(round.issuedAt)}，期限 {round.deadline}</Text>
          <Text className='round-line round-requirements'>整改要求：{round.requirements}</Text>
          {round.answer ? (
            <View className='round-answer'>
              <Text className='round-line'>
                店铺答复（{formatShanghaiTime(round.answer.at)}，{round.answer.inTime ? '按期' : '逾期'}）：{round.answer.text}
              </Text>
              <StoredPhotos photos={round.answer.photos} className='answer-photos' />
            </View>
          ) : (
            <Text className='round-line'>店铺尚未答复</Text>
          )}
          {round.recheck ? (
            <View className='round-recheck'>
              <Text className='round-line recheck-result'>
                复查{round.recheck.resultLabel}（{formatShanghaiTime(round.recheck.at)}）{round.recheck.note ? `：${round.recheck.note}` : ''}
              </Text>
              <StoredPhotos photos={round.recheck.photos} />
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
