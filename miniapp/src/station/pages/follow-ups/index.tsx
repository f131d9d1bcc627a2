// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { stationRoutes, type FollowUpItem } from '@fangxin/shared'
import { call } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { followUpLine } from '@/lib/follow-up'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { NotStationView, isStationSession } from '../../components/station-gate'
import '../../station.css'

type Item = FollowUpItem & { id: string }

/**
 * 待回访: the cases this station took in that closed without the consumer rating them, oldest first, with
 * the number to call. A line opens the case, where the call's outcome is recorded (记录电话回访).
 */
export default function StationFollowUpsPage() {
  const session = useRequiredSession()
  const list = usePagedList<Item>(
    async (cursor) => {
      const page = await call(stationRoutes.stationFollowUps, { query: pageQuery(cursor) })
      return { items: page.items.map((item) => ({ ...item, id: item.complaintId })), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }
    },
    session?.user.id ?? '',
    isStationSession(session)
  )
  if (!isStationSession(session)) return <NotStationView session={session} />
  return (
    <View className='station-page station-follow-ups'>
      <Text className='field-hint'>办结后消费者未评价的投诉，到期后出现在这里。请拨打电话询问处理结果是否满意，并在案件页记录回访结果。</Text>
      <PagedListView
        list={list}
        className='follow-up-list'
        loadingText='正在加载待回访…'
        emptyTitle='没有到期待回访的投诉'
        emptyDescription='已办结的投诉在消费者评价前，到期后会出现在这里；刚办结的投诉也可以在台账中打开后直接记录回访'
      >
        {(items) =>
          items.map((item) => (
            <View key={item.id} className={`follow-up-item follow-up-item-${item.id}`}>
              <View className='ledger-item-head'>
                <Text className='ledger-item-title'>{item.merchantName}</Text>
                <Text className='ledger-item-status'>{item.statusLabel}</Text>
              </View>
              {item.phone ? <Text className='follow-up-phone'>{item.phone}</Text> : null}
              <Text className='station-line'>{followUpLine(item)}</Text>
              <View className='station-actions'>
                {item.phone ? (
                  <Button size='small' fill='outline' className='call-consumer' onClick={() => void Taro.makePhoneCall({ phoneNumber: item.phone! }).catch(() => undefined)}>
                    拨打电话
                  </Button>
                ) : null}
                <Button size='small' type='primary' className='open-follow-up' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.stationCase, { id: item.complaintId }) })}>
                  记录回访
                </Button>
              </View>
            </View>
          ))
        }
      </PagedListView>
    </View>
  )
}
