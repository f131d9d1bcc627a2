// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { routes, type PublicFiguresView, type PublicStatisticsView } from '@fangxin/shared'
import { call, isApiError, publicFileUrl } from '@/api/client'
import { ErrorView, LoadingView } from '@/components/state-views'
import { monthLabel } from '@/lib/dates-in-words'
import { decodedParam } from '@/lib/decode'
import { useLoad } from '../../use-load'
import { useScaledRoot } from '@/components/font-scale'
import '../../info.css'

type Rate = PublicFiguresView['handlingRate']
type ScopeOptions = Pick<PublicStatisticsView, 'towns' | 'sectors'>

/** A rate with what it was divided from; a small sample says so instead of a percentage. */
const rateLine = (rate: Rate) => (rate.denominator > 0 && !rate.smallSample ? `${rate.text}（${rate.numerator}/${rate.denominator}）` : rate.text)

function Figure({ label, value, small, className }: { label: string; value: string; small?: boolean; className: string }) {
  return (
    <View className={`stats-figure ${className}`}>
      <Text className={`stats-figure-value${small ? ' stats-figure-value--small' : ''}`}>{value}</Text>
      <Text className='stats-figure-label'>{label}</Text>
    </View>
  )
}

/**
 * Public statistics of complaints: the county, a town (乡镇、街道) or a sector, month by month — received,
 * handled (处理率), settled in the shop, satisfaction — from the campaign's counters. A rate counted on
 * fewer than 10 says 「样本较少（n=…），仅供参考」; nothing counted is 「—」. No complaint is published.
 */
export default function StatisticsPage() {
  const [scope, setScope] = useState(decodedParam(useRouter().params.scope) ?? 'county')
  const { state, retry } = useLoad(() => call(routes.publicStatistics, { query: { scope } }), scope)

  // The chips of the last answer: kept while another scope loads or after it failed, so the person can switch back.
  const lastOptions = useRef<ScopeOptions>()
  if (state.kind === 'loaded') lastOptions.current = { towns: state.value.towns, sectors: state.value.sectors }
  const options = lastOptions.current
  const Option = ({ value, label }: { value: string; label: string }) => (
    <Text className={`fx-tap stats-scope-option stats-scope-option--${value.replace(':', '-')}${scope === value ? ' stats-scope-option--on' : ''}`} onClick={() => setScope(value)}>
      {label}
    </Text>
  )

  return (
    <View {...useScaledRoot('info-page statistics-page')}>
      {options ? (
        <View className='stats-scopes'>
          <View className='stats-scope-options'>
            <Option value='county' label='全县' />
          </View>
          <Text className='stats-scope-group-title'>按乡镇（街道）</Text>
          <View className='stats-scope-options'>
            {options.towns.map((town) => <Option key={town.code} value={`town:${town.code}`} label={town.label} />)}
          </View>
          <Text className='stats-scope-group-title'>按行业</Text>
          <View className='stats-scope-options'>
            {options.sectors.map((sector) => <Option key={sector.code} value={`sector:${sector.code}`} label={sector.label} />)}
          </View>
        </View>
      ) : null}

      {state.kind === 'loading' ? <LoadingView text='正在加载统计数据…' /> : null}
      {state.kind === 'failed' ? <ErrorView error={state.error} onRetry={retry} /> : null}
      {state.kind === 'loaded' ? (
        <View className='stats-body'>
          <Text className='stats-heading stats-scope-label'>
            {state.value.scope.label} {state.value.year}年
          </Text>
          <View className='stats-total'>
            <Figure className='stats-received' label='受理投诉（件）' value={String(state.value.total.received)} />
            <Figure className='stats-handled' label={`处理率（已办结 ${state.value.total.handled} 件）`} value={rateLine(state.value.total.handlingRate)} small={state.value.total.handlingRate.smallSample} />
            <Figure className='stats-in-shop' label={`店内和解（${state.value.total.settledInShop} 件）占办结争议`} value={rateLine(state.value.total.inShopShare)} small={state.value.total.inShopShare.smallSample} />
            <Figure className='stats-satisfaction' label={`满意率（${state.value.total.rated} 人评价）`} value={rateLine(state.value.total.satisfactionRate)} small={state.value.total.satisfactionRate.smallSample} />
          </View>

          <Text className='stats-heading'>逐月数据</Text>
          {state.value.months.filter((month) => month.received > 0).length === 0 ? (
            <Text className='info-note stats-empty'>本年度暂无投诉数据</Text>
          ) : (
            [...state.value.months]
              .reverse()
              .filter((month) => month.received > 0)
              .map((month) => (
                <View key={month.month} className={`stats-month stats-month-${month.month}`}>
                  <Text className='stats-month-title'>{monthLabel(month.month)}</Text>
                  <Text className='stats-month-line'>
                    受理 {month.received} 件，办结 {month.handled} 件，处理率 {rateLine(month.handlingRate)}
                  </Text>
                  <Text className='stats-month-line'>店内和解 {month.settledInShop} 件，占办结争议 {rateLine(month.inShopShare)}</Text>
                  <Text className='stats-month-line'>
                    评价 {month.rated} 人，满意率 {rateLine(month.satisfactionRate)}
                  </Text>
                </View>
              ))
          )}
          <Text className='info-note'>
            数据按投诉受理月份统计，来自投诉处理过程中的计数，不公布任何投诉的具体内容和个人信息。处理率 = 已办结 ÷ 受理；满意率 = （满意 + 基本满意）÷ 评价人数；样本少于 10 时比例仅供参考。
          </Text>
          <OpenDataDownload />
        </View>
      ) : null}
    </View>
  )
}

/**
 * The open-data file (全县各乡镇、各行业逐月数据, CSV), in words rather than its address. H5: the browser
 * downloads it. WeChat cannot open a CSV in place: the link is copied, to open in a browser on a computer.
 */
function OpenDataDownload() {
  const download = async () => {
    try {
      const url = publicFileUrl(routes.openDataCsv)
      if (process.env.TARO_ENV === 'h5') {
        window.open(url, '_blank')
        return
      }
      await Taro.setClipboardData({ data: url })
      void Taro.showToast({ title: '下载链接已复制，请在电脑浏览器中打开', icon: 'none', duration: 3000 })
    } catch (error) {
      void Taro.showToast({ title: isApiError(error) ? error.message : '未能复制链接，请稍后重试', icon: 'none' })
    }
  }
  return (
    <View className='stats-open-data'>
      <Text className='info-note'>开放数据：全县各乡镇（街道）、各行业的逐月数据，CSV 表格文件，可用 Excel、WPS 等表格软件打开。</Text>
      <Button className='download-open-data' size='small' fill='outline' onClick={() => void download()}>
        {process.env.TARO_ENV === 'h5' ? '下载开放数据（CSV）' : '复制开放数据下载链接'}
      </Button>
    </View>
  )
}
