// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { stationRoutes } from '@fangxin/shared'
import { call } from '@/api/client'
import { ErrorView, LoadingView } from '@/components/state-views'
import { PAGES } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { useLoad } from '@/lib/use-load'
import { NotStationView, isStationSession } from '../../components/station-gate'
import '../../station.css'

const open = (url: string) => void Taro.navigateTo({ url })

/**
 * 投诉站工作台: which station this is, and the station's work — file for a consumer who walked in or phoned,
 * the ledger (台账) of what the station took in, and the 回访 calls due for its cases.
 */
export default function StationHomePage() {
  const session = useRequiredSession()
  const member = isStationSession(session)
  // The ledger's first line answers which station this is (and that the membership still holds).
  const { state, reload } = useLoad(() => call(stationRoutes.stationLedger, { query: { limit: 1 } }), session?.user.id ?? '', member)

  if (!isStationSession(session)) return <NotStationView session={session} />
  if (state.kind === 'loading') return <LoadingView text='正在加载投诉站…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />
  const { station } = state.value

  return (
    <View className='station-page station-home'>
      <View className='station-card'>
        <Text className='station-card-title station-name'>{station.name}</Text>
        <Text className='station-line'>
          {station.townName} · {station.placeTypeLabel} · {station.address}
        </Text>
        <Text className='station-line'>
          联系人 {station.contactName} {station.contactPhone}
        </Text>
      </View>
      <CellGroup className='station-entries'>
        <Cell
          className='entry-station-file'
          title='代为登记投诉'
          description='消费者到站或来电投诉：按消费者的说法填写，打印或短信发送认领码'
          clickable
          onClick={() => open(PAGES.stationFile)}
        />
        <Cell
          className='entry-station-ledger'
          title='台账'
          description='本站受理的投诉及其办理进度，可导出 CSV；未认领的可重新生成认领码'
          clickable
          onClick={() => open(PAGES.stationLedger)}
        />
        <Cell
          className='entry-station-follow-ups'
          title='待回访'
          description='本站受理、已办结但消费者未评价的投诉，请电话回访'
          clickable
          onClick={() => open(PAGES.stationFollowUps)}
        />
      </CellGroup>
    </View>
  )
}
