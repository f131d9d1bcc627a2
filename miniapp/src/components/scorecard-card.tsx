import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { ScorecardView } from '@fangxin/shared'
import './scorecard.css'

type Item = ScorecardView['base'][number]

/**
 * A shop's scorecard (考核评分表) as staff and the shop read it: the total against the pass mark and the
 * verdict, the bottom lines that fail a shop whatever its points, then every item with its points, what they
 * rest on and any override (with the computed points and the reason). `itemAction` adds a control per item.
 */
export function ScorecardCard({ card, itemAction }: { card: ScorecardView; itemAction?: (item: Item) => ReactNode }) {
  const row = (item: Item) => (
    <View key={item.code} className={`score-item score-item--${item.code} ${item.override ? 'score-item--overridden' : ''}`}>
      <View className='score-item-head'>
        <Text className='score-item-label'>{item.label}</Text>
        <Text className='score-item-points'>
          {item.points} / {item.max}
        </Text>
      </View>
      <Text className='score-item-basis'>{item.basis}</Text>
      {item.override ? (
        <Text className='score-item-override'>
          已调整（计算得分 {item.override.computed}）：{item.override.reason}
        </Text>
      ) : null}
      {itemAction ? itemAction(item) : null}
    </View>
  )
  return (
    <View className='scorecard'>
      <View className={`card scorecard-head ${card.passed ? 'scorecard--passed' : 'scorecard--failed'}`}>
        <View className='card-head small-tags'>
          <Text className='card-title scorecard-shop'>{card.merchant.name}</Text>
          <Tag className='scorecard-verdict-tag' background={card.passed ? '#1b7d3a' : '#d93026'}>
            {card.passed ? '达标' : '未达标'}
          </Tag>
        </View>
        <Text className='score-line'>
          {card.merchant.townName} · {card.merchant.sectorLabel} · {card.year}年
          {card.source === 'live' ? ' · 实时测算（非考核结果）' : card.state === 'confirmed' ? ' · 已确认' : ' · 考核中'}
        </Text>
        <Text className='score-total'>
          总分 {card.total}（含加分 {card.bonusTotal}），合格线 {card.passMark}
        </Text>
        <Text className='score-line scorecard-verdict'>{card.verdict}</Text>
      </View>
      {card.bottomLines.length > 0 ? (
        <View className='card score-bottom-lines'>
          <Text className='card-title'>触及底线（一票否决）</Text>
          {card.bottomLines.map((line) => (
            <Text key={line.code} className='score-line score-bottom-line'>
              {line.label}：{line.evidence}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='card score-items'>
        <Text className='card-title'>基本项目</Text>
        {card.base.map(row)}
      </View>
      {card.bonus.length > 0 ? (
        <View className='card score-items score-bonus'>
          <Text className='card-title'>加分项目</Text>
          {card.bonus.map(row)}
        </View>
      ) : null}
    </View>
  )
}
