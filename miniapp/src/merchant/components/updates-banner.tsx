import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SubscribeOffHint } from '@/components/subscribe-hint'
import { askForUpdates } from '@/lib/subscribe'
import './updates-banner.css'

/**
 * How a shop gets WeChat messages for complaints not yet filed. WeChat only asks from a tap, and opening a
 * page is not one; each 允许 allows one message. So the queue carries this button, and says so plainly.
 */
export function UpdatesBanner() {
  const [granted, setGranted] = useState(0)
  const [off, setOff] = useState(false)

  const ask = () => {
    // Synchronously inside the tap, as WeChat requires.
    void askForUpdates().then((outcome) => {
      setOff(outcome.notificationsOff)
      if (!outcome.accepted) return
      setGranted((n) => n + 1)
      void Taro.showToast({ title: '已开启1条提醒', icon: 'success' })
    })
  }

  return (
    <View className='updates-banner'>
      <Text className='updates-banner-title'>新投诉微信提醒</Text>
      <Text className='updates-banner-text'>
        微信规定：每点一次下面的按钮并选「允许」，只能收到一条提醒。为免漏掉新投诉，每次来处理投诉时都请点一下。
      </Text>
      {granted > 0 ? <Text className='updates-banner-granted'>本次已开启 {granted} 条提醒</Text> : null}
      <Button className='ask-for-updates' type='primary' size='small' onClick={ask}>
        接收新投诉提醒
      </Button>
      {off ? <SubscribeOffHint whereToLook='新投诉请在「商家工作台」查看' /> : null}
    </View>
  )
}
