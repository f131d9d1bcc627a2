import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { NoticeBar } from '@nutui/nutui-react-taro'
import { notificationsOffHint } from '@/lib/subscribe-answer'
import './subscribe-hint.css'

/** Opens the mini-program's settings, where 通知管理 switches messages back on (a tap, as WeChat wants). */
const openSettings = () => void Taro.openSetting({ withSubscriptions: true }).catch(() => undefined)

/**
 * Shown after an ask found messages switched off: the person will not hear from us, so say where to
 * follow things (`whereToLook`) and offer the way back on.
 */
export function SubscribeOffHint({ whereToLook }: { whereToLook: string }) {
  return (
    <NoticeBar
      className='subscribe-off-hint'
      content={notificationsOffHint(whereToLook)}
      wrap
      scrollable={false}
      right={
        <Text className='fx-tap subscribe-off-hint-open' onClick={openSettings}>
          去开启
        </Text>
      }
    />
  )
}
