import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { SubscribeOffHint } from '@/components/subscribe-hint'
import { askForUpdates } from '@/lib/subscribe'
import './updates-banner.css'

export interface UpdatesBannerProps {
  /** e.g. 新投诉微信提醒 */
  title: string
  /** What the messages are about, e.g. 新投诉 or 待受理的投诉. */
  about: string
  /** Where to look instead when messages are off, e.g. 新投诉请在「商家工作台」查看. */
  whereToLook: string
}

/**
 * How a person gets WeChat messages for things that have not happened yet (a shop's next complaint, a
 * town's next escalation). WeChat only asks from a tap, and opening a page is not one; each 允许 allows one
 * message. So the queue carries this button, and says so plainly.
 */
export function UpdatesBanner({ title, about, whereToLook }: UpdatesBannerProps) {
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
      <Text className='updates-banner-title'>{title}</Text>
      <Text className='updates-banner-text'>
        微信规定：每点一次下面的按钮并选「允许」，只能收到一条提醒。为免漏掉{about}，每次来处理投诉时都请点一下。
      </Text>
      {granted > 0 ? <Text className='updates-banner-granted'>本次已开启 {granted} 条提醒</Text> : null}
      <Button className='ask-for-updates' type='primary' size='small' onClick={ask}>
        接收{about}提醒
      </Button>
      {off ? <SubscribeOffHint whereToLook={whereToLook} /> : null}
    </View>
  )
}
