import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Empty, NoticeBar, Skeleton } from '@nutui/nutui-react-taro'
import type { ApiError } from '@/api/client'
import { tapName } from '@/lib/a11y'
import { PAGES } from '@/lib/navigation'
import { useScaledRoot } from './font-scale'
import './common.css'

/** A page's first load: what is coming, in words, over a skeleton. */
export function LoadingView({ text = '正在加载…' }: { text?: string }) {
  return (
    <View {...useScaledRoot('state-loading')}>
      <Text className='state-loading-text'>{text}</Text>
      <Skeleton rows={3} animated visible={false} />
    </View>
  )
}

const goHome = () => void Taro.reLaunch({ url: PAGES.home })

const TITLES: Partial<Record<ApiError['code'], string>> = {
  NETWORK: '网络不可用',
  NOT_FOUND: '未找到',
  FORBIDDEN: '无权查看',
  UNAUTHENTICATED: '请先登录',
  RATE_LIMITED: '操作太频繁'
}

/** A failed load, with what the person can do: retry (when that can help) or go home. */
export function ErrorView({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const retryable = onRetry && !['NOT_FOUND', 'FORBIDDEN', 'INVALID'].includes(error.code)
  return (
    <View {...useScaledRoot('state-page')}>
      <Empty
        className={`state-error state-error--${error.code.toLowerCase()}`}
        imageSize={80}
        image={<View className='state-glyph'>!</View>}
        title={TITLES[error.code] ?? '加载失败'}
        description={error.message}
      >
        {error.correlationId ? <Text className='state-correlation'>错误编号：{error.correlationId}</Text> : null}
        <View className='state-actions'>
          {retryable ? <Button type='primary' className='state-retry' onClick={onRetry}>重试</Button> : null}
          <Button fill='outline' onClick={goHome}>返回首页</Button>
        </View>
      </Empty>
    </View>
  )
}

/** Nothing to show yet, said plainly, with an optional way forward. */
export function EmptyView({ title, description, children }: { title: string; description?: string; children?: ReactNode }) {
  return (
    <Empty
      className='state-empty'
      imageSize={80}
      image={<View className='state-glyph'>·</View>}
      title={title}
      description={description ?? ''}
    >
      {children ? <View className='state-actions'>{children}</View> : null}
    </Empty>
  )
}

/** The outcome of the last action, or why it did not go through, as a page shows it above its content. */
export type Notice = { kind: 'success' | 'error'; text: string }

/** What a screen reader says for the notice's close sign (×, nothing to read by itself). */
const CLOSE_NAME = tapName('关闭')

/** A {@link Notice} above the page content, until the person closes it. */
export function PageNotice({ notice, onClose }: { notice: Notice | undefined; onClose: () => void }) {
  if (!notice) return null
  return (
    <NoticeBar
      className={`page-notice page-notice--${notice.kind}`}
      content={notice.text}
      wrap
      scrollable={false}
      closeable
      rightIcon={
        <View className='page-notice-close' {...CLOSE_NAME}>
          ×
        </View>
      }
      onClose={onClose}
    />
  )
}

/** The error text under a form field; renders nothing when the field is fine. */
export function FieldError({ message }: { message: string | undefined }) {
  return message ? <Text className='field-error'>{message}</Text> : null
}
