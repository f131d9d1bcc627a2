// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { TOWNS, routes, type NotificationProblem } from '@fangxin/shared'
import { ApiError, call } from '@/api/client'
import { ListFooter, usePagedList } from '@/components/paged-list'
import { EmptyView, ErrorView, LoadingView } from '@/components/state-views'
import { PAGES, pageUrl } from '@/lib/navigation'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime } from '@/lib/time'
import './index.css'

/** A town's name from the county's list, or its code when the list does not know it. */
const townName = (code: string) => (TOWNS as Readonly<Record<string, string>>)[code] ?? code

/** Opens the phone's dialler; a cancelled call is no error. */
const callPhone = (phoneNumber: string) => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)

/**
 * Notifications that never reached the person (they refused or never allowed WeChat messages, nobody at the
 * shop has signed in, or WeChat kept failing): the bureau phones instead, so the reason and the number come
 * first, and each row opens its complaint.
 */
export default function NotificationProblemsPage() {
  const session = useRequiredSession()
  const list = usePagedList<NotificationProblem>(
    (cursor) => call(routes.notificationProblems, { query: { limit: 20, ...(cursor ? { cursor } : {}) } }),
    session?.user.id ?? '',
    isStaffUser(session?.user)
  )

  if (!session) return <LoadingView text='正在登录…' />
  if (!session.user.roles.staff) return <ErrorView error={new ApiError('FORBIDDEN', '只有监管部门工作人员可以查看通知发送情况。')} />

  const { state } = list
  return (
    <View className='notification-problems-page'>
      <View className='problems-intro'>
        <Text className='problems-intro-text'>
          以下微信提醒没有送到对方，对方可能不知道有新进展。请打电话告知，并提醒商家在小程序「商家工作台」点「接收新投诉提醒」。
        </Text>
      </View>

      {state.kind === 'loading' ? <LoadingView text='正在加载…' /> : null}
      {state.kind === 'failed' ? <ErrorView error={state.error} onRetry={() => void list.refresh()} /> : null}
      {state.kind === 'loaded' && state.items.length === 0 && !state.nextCursor ? (
        <EmptyView title='暂无发送失败的通知' description='提醒都已送达' />
      ) : null}
      {state.kind === 'loaded' && (state.items.length > 0 || state.nextCursor) ? (
        <View className='problem-list'>
          {state.items.map((problem) => (
            <ProblemItem key={problem.id} problem={problem} />
          ))}
          <ListFooter state={state} onMore={() => void list.loadMore()} />
        </View>
      ) : null}
    </View>
  )
}

function ProblemItem({ problem }: { problem: NotificationProblem }) {
  const { contactPhone } = problem
  const when = problem.createdAt ?? problem.settledAt
  return (
    <View className={`problem-item problem-item--${problem.state}`}>
      <View className='problem-item-head'>
        <Text className='problem-item-shop'>{problem.merchantName ?? '（店铺名称未知）'}</Text>
        {problem.townCode ? <Text className='problem-item-town'>{townName(problem.townCode)}</Text> : null}
      </View>
      <Text className='problem-item-reason'>{problem.reason}</Text>
      <View className='problem-item-about'>
        <Tag className='problem-item-headline' plain background='#666666'>
          {problem.headline}
        </Tag>
        <Text className='problem-item-recipient'>应通知：{problem.recipientLabel}</Text>
      </View>
      {contactPhone ? null : <Text className='problem-item-line'>店铺未登记联系电话，请从投诉详情中查找联系方式</Text>}
      {when ? <Text className='problem-item-line'>时间：{formatShanghaiTime(when)}</Text> : null}
      {problem.state === 'dead' ? <Text className='problem-item-line'>已尝试发送 {problem.attempts} 次</Text> : null}
      <View className='problem-item-actions'>
        {contactPhone ? (
          <Button className='call-phone' type='primary' size='small' onClick={() => callPhone(contactPhone)}>
            拨打 {contactPhone}
          </Button>
        ) : null}
        <Button
          className='open-problem-case'
          size='small'
          fill='outline'
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminCase, { id: problem.complaintId }) })}
        >
          查看投诉
        </Button>
      </View>
    </View>
  )
}
