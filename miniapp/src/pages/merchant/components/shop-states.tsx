import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro'
import type { ApiError } from '@/api/client'
import { useScaledRoot } from '@/components/font-scale'
import { PAGES } from '@/lib/navigation'

/** The shop page is often the first page (opened by a scan), so "back" means a fresh home page. */
function goHome() {
  void Taro.reLaunch({ url: PAGES.home })
}

/** The shop page while its data is on the way: words over a skeleton. */
export function ShopLoadingView() {
  return (
    <View {...useScaledRoot('page merchant-page state-loading')}>
      <Text className='state-loading-text'>正在加载店铺信息…</Text>
      <Skeleton rows={2} animated visible={false} />
      <Skeleton rows={4} animated visible={false} />
    </View>
  )
}

/** A whole-page state of the shop page (no id, not found, bad id, failure), always with a way home. */
export function ShopState(props: { className: string; glyph: string; title: string; description: string; children?: ReactNode; onRetry?: () => void }) {
  return (
    <View {...useScaledRoot('page merchant-page merchant-page--state')}>
      <Empty className={props.className} imageSize={80} image={<View className='state-glyph'>{props.glyph}</View>} title={props.title} description={props.description}>
        {props.children}
        <View className='state-actions'>
          {props.onRetry ? <Button type='primary' onClick={props.onRetry}>重试</Button> : null}
          <Button type={props.onRetry ? 'default' : 'primary'} fill={props.onRetry ? 'outline' : undefined} onClick={goHome}>返回首页</Button>
        </View>
      </Empty>
    </View>
  )
}

/** Why the shop could not be shown, and what the person can do about it. */
export function ShopFailedView({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  if (error.code === 'NOT_FOUND') {
    return <ShopState className='state-not-found' glyph='?' title='未找到该店铺' description='请确认二维码是否完整，或在首页搜索店铺' />
  }
  if (error.code === 'INVALID') {
    // The id itself is wrong: retrying cannot help, the message says what to do.
    return <ShopState className='state-error state-invalid' glyph='!' title='店铺编号有误' description={error.message} />
  }
  const network = error.code === 'NETWORK'
  return (
    <ShopState
      className={network ? 'state-error state-network' : 'state-error'}
      glyph='!'
      title={network ? '网络不可用' : '加载失败'}
      description={error.message}
      onRetry={onRetry}
    >
      {error.correlationId ? <Text className='state-correlation'>错误编号：{error.correlationId}</Text> : null}
    </ShopState>
  )
}
