// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { routes, type InspectionView } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'
import { StoredPhotos } from '@/components/photo-picker'
import { ErrorView, LoadingView } from '@/components/state-views'
import { decodedParam } from '@/lib/decode'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime } from '@/lib/time'
import { useLoad } from '@/lib/use-load'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import { RectificationCard } from '@/components/rectification-card'
import '../../components/campaign.css'
import '../inspect/index.css'

const RESULT_COLOURS = { pass: '#1b7d3a', fail: '#d93026', not_applicable: '#888888' } as const

/** One inspection as recorded (never edited): every finding with its photos, and its rectification orders as they stand now. */
export default function InspectionPage() {
  const { params } = useRouter()
  const id = decodedParam(params.id)
  const session = useRequiredSession()
  const { state, reload } = useLoad<InspectionView>(
    () => call(routes.getInspection, { params: { id: id ?? '' } }),
    `${id ?? ''}|${session?.user.id ?? ''}`,
    Boolean(id) && isStaffUser(session?.user)
  )
  if (!id) return <ErrorView error={new ApiError('INVALID', '缺少检查记录编号')} />
  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看检查记录。' />
  if (state.kind === 'loading') return <LoadingView text='正在加载检查记录…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />
  const inspection = state.value

  return (
    <View className='campaign-page inspection-page'>
      <View className='card inspection-summary'>
        <View className='card-head small-tags'>
          <Text className='card-title inspection-shop'>{inspection.merchant.name}</Text>
          <Tag plain background='#1677ff'>
            {inspection.modeLabel}
          </Tag>
        </View>
        <Text className='inspect-line'>
          检查日期 {inspection.inspectedOn} · {inspection.inspector.roleLabel} · 记录于 {formatShanghaiTime(inspection.recordedAt)}
        </Text>
        <Text className='inspect-line inspection-counts'>
          检查 {inspection.checked} 项：合格 {inspection.passed}，不合格 {inspection.failed}，不适用 {inspection.notApplicable}
          {inspection.bottomLineFailures > 0 ? `；触及考核底线 ${inspection.bottomLineFailures} 项` : ''}
        </Text>
        {inspection.remarks ? <Text className='inspect-line'>总体情况：{inspection.remarks}</Text> : null}
      </View>

      {inspection.rectificationOrders.length > 0 ? (
        <>
          <Text className='section-title'>整改通知</Text>
          {inspection.rectificationOrders.map((order) => (
            <RectificationCard key={order.id} order={order} onOpen={() => void Taro.navigateTo({ url: pageUrl(PAGES.rectification, { id: order.id }) })} />
          ))}
        </>
      ) : null}

      <Text className='section-title'>检查项目</Text>
      {inspection.findings.map((finding) => (
        <View key={finding.code} className={`card finding finding--${finding.code} check-item--${finding.result}`}>
          <View className='card-head small-tags'>
            <Text className='card-title'>
              {finding.code} {finding.label}
            </Text>
            <Tag className='finding-result' plain background={RESULT_COLOURS[finding.result]}>
              {finding.resultLabel}
            </Tag>
          </View>
          <Text className='inspect-line'>
            {finding.categoryLabel}
            {finding.bottomLine ? ' · 考核底线项目' : ''}
          </Text>
          {finding.note ? <Text className='inspect-line finding-note'>{finding.note}</Text> : null}
          <StoredPhotos photos={finding.photos} className='finding-photos' />
        </View>
      ))}
    </View>
  )
}
