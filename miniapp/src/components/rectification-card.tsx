import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { RectificationSummary } from '@fangxin/shared'
import './rectification.css'

const STATUS_COLOURS: Record<RectificationSummary['status'], string> = { issued: '#fa8c16', answered: '#1677ff', closed: '#1b7d3a' }

/** One rectification order (整改通知) in a list: the shop, the item, its status and deadline (超期 in red). */
export function RectificationCard({ order, onOpen, showShop = true }: { order: RectificationSummary; onOpen: () => void; showShop?: boolean }) {
  const waiting = order.waitingFor === 'merchant' ? '待店铺整改' : order.waitingFor === 'staff' ? '待复查' : undefined
  return (
    <View className={`card rectification-item rectification-item--${order.status} ${order.overdue ? 'rectification-item--overdue' : ''}`} onClick={onOpen}>
      <View className='card-head small-tags'>
        <Text className='card-title'>{showShop ? order.merchant.name : `${order.itemCode} ${order.itemLabel}`}</Text>
        <Tag className='rectification-status' plain background={STATUS_COLOURS[order.status]}>
          {order.statusLabel}
        </Tag>
        {order.overdue ? (
          <Tag className='rectification-overdue' background='#d93026'>
            已超期
          </Tag>
        ) : null}
      </View>
      {showShop ? (
        <Text className='rectification-line'>
          {order.itemCode} {order.itemLabel}（{order.categoryLabel}）
        </Text>
      ) : null}
      <Text className='rectification-line'>
        检查日期 {order.inspectedOn} · 第 {order.round} 轮 · 整改期限 {order.deadline}
        {waiting ? ` · ${waiting}` : ''}
      </Text>
      {order.status === 'closed' && order.closedInTime !== undefined ? (
        <Text className='rectification-line'>{order.closedInTime ? '按期完成整改' : '逾期完成整改'}</Text>
      ) : null}
    </View>
  )
}
