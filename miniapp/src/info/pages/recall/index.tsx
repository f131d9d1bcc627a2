// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { routes } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'
import { ErrorView, LoadingView } from '@/components/state-views'
import { decodedParam } from '@/lib/decode'
import { PAGES, pageUrl } from '@/lib/navigation'
import { shanghaiDayOf } from '@/lib/time'
import { useLoad } from '../../use-load'
import { useScaledRoot } from '@/components/font-scale'
import '../../info.css'

const Field = ({ label, value, className }: { label: string; value: string; className: string }) => (
  <View className={`info-field ${className}`}>
    <Text className='info-field-label'>{label}</Text>
    <Text className='info-field-value'>{value}</Text>
  </View>
)

/** One recall or delisting notice: what, which batch, why, what to do, from when, on whose word. */
export default function RecallPage() {
  const id = decodedParam(useRouter().params.id)
  const { state, retry } = useLoad(() => call(routes.recall, { params: { id: id ?? '' } }), id ?? '')
  const root = useScaledRoot('info-page')
  if (!id) return <ErrorView error={new ApiError('INVALID', '缺少召回信息编号，请从首页或店铺页进入')} />
  if (state.kind === 'loading') return <LoadingView text='正在加载召回信息…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={retry} />
  const recall = state.value
  return (
    <View {...root}>
      <View className='info-doc recall'>
        <Text className='info-doc-title recall-title'>【{recall.kindLabel}】{recall.product}</Text>
        <Text className='info-doc-meta'>
          {recall.merchant ? recall.merchant.name : '全县'} · {recall.publishedByLabel} · {shanghaiDayOf(recall.publishedAt)}
        </Text>
        <Field className='recall-batch' label='批次或型号' value={recall.batch} />
        <Field className='recall-reason' label='原因' value={recall.reason} />
        <Field className='recall-action' label='消费者应如何处理' value={recall.consumerAction} />
        <Field className='recall-from' label='起始日期' value={recall.fromDate} />
        <Field className='recall-source' label='信息来源' value={recall.source} />
      </View>
      {recall.merchant ? (
        <Button className='recall-open-shop' fill='outline' block onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.shop, { id: recall.merchant!.id }) })}>
          查看店铺
        </Button>
      ) : null}
      <Text className='info-note'>如因召回产品受到损害，可先与商家协商；协商不成，可在店铺页投诉，或拨打 12315。</Text>
    </View>
  )
}
