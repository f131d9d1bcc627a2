// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { TOWNS, routes, type NotificationProblem, type UnsentNoticePage } from '@fangxin/shared'
import { call } from '@/api/client'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { reachedText, sendByText } from '@/lib/notice-delivery'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime } from '@/lib/time'
import { PAGES, pageUrl } from '@/lib/navigation'
import { OpenCaseButton } from '../../components/open-case-button'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

/** A town's name from the county's list, or its code when the list does not know it. */
const townName = (code: string) => (TOWNS as Readonly<Record<string, string>>)[code] ?? code

/** Opens the phone's dialler; a cancelled call is no error. */
const callPhone = (phoneNumber: string) => void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)

type UnsentNotice = UnsentNoticePage['items'][number] & { id: string }

/**
 * Notifications that never reached the person (they refused or never allowed WeChat messages, nobody at the
 * shop has signed in, or WeChat kept failing): the bureau phones instead, so the reason and the number come
 * first, and each row opens its complaint. Above them, the written notices (不予受理 / 终止调解告知书) not yet
 * known to have reached both parties, the most urgent first: the order sets a time for those (usually few,
 * and one line when there are none).
 */
export default function NotificationProblemsPage() {
  const session = useRequiredSession()
  const list = usePagedList<NotificationProblem>(
    (cursor) => call(routes.notificationProblems, { query: pageQuery(cursor) }),
    session?.user.id ?? '',
    isStaffUser(session?.user)
  )
  const unsent = usePagedList<UnsentNotice>(
    async (cursor) => {
      const page = await call(routes.unsentNotices, { query: pageQuery(cursor) })
      // One notice per complaint: the complaint's id keys the list.
      return { ...page, items: page.items.map((item) => ({ ...item, id: item.complaintId })) }
    },
    session?.user.id ?? '',
    isStaffUser(session?.user),
    // The upper of the page's two lists: it grows by its own 加载更多; reaching the bottom is the lower one's.
    { onReachBottom: false }
  )

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以查看通知发送情况。' />

  // Nothing outstanding: one line, so the failed reminders below stay in view.
  const noneUnsent = unsent.state.kind === 'loaded' && unsent.state.items.length === 0 && !unsent.state.nextCursor

  return (
    <View className='page notification-problems-page'>
      <View className='unsent-notices'>
        <Text className='section-heading'>告知书未送达</Text>
        {noneUnsent ? (
          <Text className='unsent-notices-none'>没有未送达的告知书。</Text>
        ) : (
          <>
            <View className='page-intro page-intro--warn'>
              <Text className='page-intro-text'>
                以下告知书还没有送达当事人（告知书的微信提醒送达，或当事人在小程序中打开告知书，即记为送达）。请在期限前电话告知并提醒其查看，或以书面方式送达。
              </Text>
            </View>
            <PagedListView list={unsent} className='unsent-notice-list' loadingText='正在加载告知书…' emptyTitle='没有未送达的告知书'>
              {(items) => items.map((notice) => <UnsentNoticeItem key={notice.id} notice={notice} />)}
            </PagedListView>
          </>
        )}
      </View>

      <Text className='section-heading'>微信提醒发送失败</Text>
      <View className='page-intro page-intro--warn'>
        <Text className='page-intro-text'>
          以下微信提醒没有送到对方，对方可能不知道有新进展。请打电话告知，并提醒商家在小程序「商家工作台」点「接收新投诉提醒」。
        </Text>
      </View>

      <PagedListView list={list} className='problem-list' loadingText='正在加载…' emptyTitle='暂无发送失败的通知' emptyDescription='提醒都已送达'>
        {(items) => items.map((problem) => <ProblemItem key={problem.id} problem={problem} />)}
      </PagedListView>
    </View>
  )
}

/** One notice to follow up: which, for which shop, by when, whom it has reached; overdue ones in red. */
function UnsentNoticeItem({ notice }: { notice: UnsentNotice }) {
  return (
    <View className={`card unsent-notice ${notice.overdue ? 'unsent-notice--overdue' : ''}`}>
      <View className='card-head'>
        <Text className='card-title unsent-notice-title'>{notice.title}</Text>
        <Text className='card-aside'>{townName(notice.townCode)}</Text>
      </View>
      <Text className='problem-item-line unsent-notice-merchant'>被投诉人：{notice.merchant.name}</Text>
      <Text className='unsent-notice-send-by'>须于 {sendByText(notice.sendBy, new Date())}</Text>
      <Text className='problem-item-line unsent-notice-reached'>{reachedText(notice.reached)}</Text>
      <Text className='problem-item-line'>出具时间：{formatShanghaiTime(notice.issuedAt)}</Text>
      <View className='card-actions'>
        <OpenCaseButton className='open-notice-case' complaintId={notice.complaintId} />
      </View>
    </View>
  )
}

function ProblemItem({ problem }: { problem: NotificationProblem }) {
  const { contactPhone } = problem
  const when = problem.createdAt ?? problem.settledAt
  return (
    <View className={`card problem-item problem-item--${problem.state} problem-item-${problem.complaintId ?? problem.rectificationId ?? ''}`}>
      <View className='card-head'>
        <Text className='card-title problem-item-shop'>{problem.merchantName ?? '（店铺名称未知）'}</Text>
        {problem.townCode ? <Text className='card-aside'>{townName(problem.townCode)}</Text> : null}
      </View>
      <Text className='problem-item-reason'>{problem.reason}</Text>
      <View className='problem-item-about small-tags'>
        <Tag className='problem-item-headline' plain background='#666666'>
          {problem.headline}
        </Tag>
        <Text className='problem-item-recipient'>应通知：{problem.recipientLabel}</Text>
      </View>
      {contactPhone ? null : (
        <Text className='problem-item-line'>{problem.complaintId ? '店铺未登记联系电话，请从投诉详情中查找联系方式' : '店铺未登记联系电话，请从商户名录中查找联系方式'}</Text>
      )}
      {when ? <Text className='problem-item-line'>时间：{formatShanghaiTime(when)}</Text> : null}
      {problem.state === 'dead' ? <Text className='problem-item-line'>已尝试发送 {problem.attempts} 次</Text> : null}
      <View className='card-actions'>
        {contactPhone ? (
          <Button className='call-phone' type='primary' size='small' onClick={() => callPhone(contactPhone)}>
            拨打 {contactPhone}
          </Button>
        ) : null}
        {problem.complaintId ? <OpenCaseButton className='open-problem-case' complaintId={problem.complaintId} /> : null}
        {problem.rectificationId ? (
          <Button
            className='open-problem-rectification'
            size='small'
            fill='outline'
            onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.rectification, { id: problem.rectificationId! }) })}
          >
            查看整改
          </Button>
        ) : null}
      </View>
    </View>
  )
}
