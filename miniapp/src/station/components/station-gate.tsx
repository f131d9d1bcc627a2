import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Session } from '@fangxin/shared'
import { LoadingView } from '@/components/state-views'
import { PAGES } from '@/lib/navigation'

type StationRole = NonNullable<Session['user']['roles']['station']>

/** A signed-in person who is staff of a complaint station. */
export type StationSession = Session & { user: { roles: { station: StationRole } } }

export const isStationSession = (session: Session | undefined): session is StationSession => Boolean(session?.user.roles.station)

/**
 * What a station page shows until it knows it is looking at station staff: the sign-in under way, or — for
 * anyone else — that these pages are the station's, with the way to join one (the office's binding code).
 */
export function NotStationView({ session }: { session: Session | undefined }) {
  if (!session) return <LoadingView text='正在登录…' />
  return (
    <View className='state-page station-not-member'>
      <View className='station-card'>
        <Text className='station-card-title'>您还不是投诉站工作人员</Text>
        <Text className='station-card-text'>
          投诉站工作台供消费维权服务站（投诉站）的工作人员代消费者登记投诉、查看台账和电话回访。请使用县联席会议办公室或市场监管所发给您的绑定码加入投诉站。
        </Text>
        <Button className='go-join-station' type='primary' block onClick={() => void Taro.redirectTo({ url: PAGES.stationJoin })}>
          输入绑定码加入投诉站
        </Button>
      </View>
    </View>
  )
}
