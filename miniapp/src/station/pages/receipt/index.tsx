// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { decodedParam } from '@/lib/decode'
import { PAGES, pageUrl } from '@/lib/navigation'
import { formatShanghaiTime } from '@/lib/time'
import { heldReceipt } from '../../receipt-memory'
import { smsStatusText, spacedClaimCode } from '../../station-form'
import '../../station.css'

/**
 * 受理回执: the slip the consumer takes home, with the 8-digit 认领码 large and printable (H5: 打印回执). The
 * server answered the code once and keeps only its hash, so this page says it is shown only once; after
 * leaving it, a new code is issued from the case page (the old one then stops working).
 */
export default function StationReceiptPage() {
  const { params } = useRouter()
  const id = decodedParam(params.id)
  const receipt = heldReceipt(id)
  const openCase = () => void Taro.redirectTo({ url: pageUrl(PAGES.stationCase, { id }) })

  if (!receipt) {
    return (
      <View className='station-page'>
        <View className='station-card receipt-gone'>
          <Text className='station-card-title'>认领码只显示一次</Text>
          <Text className='station-card-text'>
            为保护消费者，认领码只在登记或重新生成时显示一次，离开回执页后无法再次查看。如果消费者没有拿到认领码，请在案件页点「重新生成认领码」，原认领码随即失效。
          </Text>
          {id ? (
            <Button className='open-station-case' type='primary' block onClick={openCase}>
              打开案件
            </Button>
          ) : null}
        </View>
      </View>
    )
  }

  const sms = smsStatusText(receipt.claimCodeSms)
  return (
    <View className='station-page station-receipt'>
      <View className='receipt-slip'>
        <Text className='receipt-title'>消费投诉受理回执</Text>
        <Text className='station-line'>投诉编号：{receipt.complaintId}</Text>
        <Text className='station-line'>消费者：{receipt.consumerName}</Text>
        <Text className='station-line'>被投诉店铺：{receipt.merchantName}</Text>
        <Text className='station-line'>
          受理方式：{receipt.channelLabel} · {formatShanghaiTime(receipt.filedAt)}
        </Text>
        <Text className='receipt-code-label'>{receipt.reissued ? '新的认领码' : '认领码'}</Text>
        <Text className='receipt-code claim-code'>{spacedClaimCode(receipt.claimCode)}</Text>
        <Text className='station-line'>
          请在微信中打开「放心消费」小程序 →「我的投诉」→「认领投诉」，输入上面的 8 位认领码，即可查看处理进度并评价。认领码 {formatShanghaiTime(receipt.claimCodeExpiresAt)} 前有效，只能使用一次。
        </Text>
      </View>
      <View className='receipt-no-print'>
        <Text className='receipt-once'>认领码只显示这一次：请现在打印回执，或把认领码读给消费者记下。离开本页后无法再次查看，只能重新生成（原认领码随即失效）。</Text>
        {sms ? <Text className={`station-line receipt-sms receipt-sms--${receipt.claimCodeSms} ${sms.problem ? 'station-line--problem' : ''}`}>{sms.text}</Text> : null}
        <View className='station-actions'>
          {process.env.TARO_ENV === 'h5' ? (
            <Button className='print-receipt' type='primary' onClick={() => window.print()}>
              打印回执
            </Button>
          ) : null}
          <Button className='open-station-case' fill='outline' onClick={openCase}>
            查看案件
          </Button>
          <Button className='file-another' fill='outline' onClick={() => void Taro.redirectTo({ url: PAGES.stationFile })}>
            再登记一件
          </Button>
        </View>
      </View>
    </View>
  )
}
