// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { TOWNS, stationRoutes, type FollowUpItem } from '@fangxin/shared'
import { call } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { followUpLine } from '@/lib/follow-up'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import '../stations/index.css'

type Item = FollowUpItem & { id: string }

const townName = (code: string) => (TOWNS as Readonly<Record<string, string>>)[code] ?? code

/**
 * 待回访: closed cases in the person's jurisdiction the consumer has not rated, due N days after closing
 * (FOLLOW_UP_AFTER_DAYS), oldest first, with the number to call. A line opens the case page, where the call
 * is recorded (记录电话回访). A case just closed can be called at once from its case page.
 */
export default function FollowUpsPage() {
  const session = useRequiredSession()
  const list = usePagedList<Item>(
    async (cursor) => {
      const page = await call(stationRoutes.staffFollowUps, { query: pageQuery(cursor) })
      return { items: page.items.map((item) => ({ ...item, id: item.complaintId })), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }
    },
    session?.user.id ?? '',
    isStaffSession(session)
  )
  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看待回访投诉。' />
  return (
    <View className='stations-page follow-ups-page'>
      <Text className='stations-intro'>
        投诉办结后消费者未评价的，到期后出现在这里。请电话询问消费者对处理结果是否满意并记录：联系上时记录的满意度计入满意率（来源「电话回访」）；未联系上的记录拨打次数，仍留在名单中。
      </Text>
      <PagedListView
        list={list}
        className='follow-up-list'
        loadingText='正在加载待回访…'
        emptyTitle='没有到期待回访的投诉'
        emptyDescription='刚办结的投诉可以在其案件页直接记录回访'
      >
        {(items) =>
          items.map((item) => (
            <View key={item.id} className={`station-item follow-up-item follow-up-item-${item.id}`}>
              <Text className='station-item-name'>
                {item.merchantName} · {item.statusLabel}
              </Text>
              {item.phone ? <Text className='station-code-value follow-up-phone'>{item.phone}</Text> : <Text className='station-item-line'>未留电话</Text>}
              <Text className='station-item-line'>
                {townName(item.townCode)} · {followUpLine(item)}
              </Text>
              <View className='follow-up-actions'>
                {item.phone ? (
                  <Button size='small' fill='outline' className='call-consumer' onClick={() => void Taro.makePhoneCall({ phoneNumber: item.phone! }).catch(() => undefined)}>
                    拨打电话
                  </Button>
                ) : null}{' '}
                <Button size='small' type='primary' className='open-follow-up' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminCase, { id: item.complaintId }) })}>
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
