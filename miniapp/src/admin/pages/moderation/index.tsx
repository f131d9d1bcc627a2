// First import: zod must be jitless before the shared schemas are built.
import '@/lib/zod-jitless'
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { TOWNS, routes, type ModerationDecision, type ModerationItem } from '@fangxin/shared'
import { call, toApiError } from '@/api/client'
import { ActionDialog } from '@/components/action-dialog'
import { wechatLabelText } from '@/components/moderation-note'
import { PagedListView, pageQuery, usePagedList } from '@/components/paged-list'
import { PageNotice, type Notice } from '@/components/state-views'
import { isStaffUser } from '@/lib/session'
import { useRequiredSession } from '@/lib/sign-in'
import { formatShanghaiTime } from '@/lib/time'
import { OpenCaseButton } from '../../components/open-case-button'
import { NotStaffView, isStaffSession } from '../../components/staff-gate'
import './index.css'

/** A town's name from the county's list, or its code when the list does not know it. */
const townName = (code: string) => (TOWNS as Readonly<Record<string, string>>)[code] ?? code

/** The queue's items carry no id of their own: a text is one complaint's description or one event's words. */
type QueueItem = ModerationItem & { id: string }
const withId = (item: ModerationItem): QueueItem => ({ ...item, id: `${item.complaintId}/${item.target}` })

type Decision = ModerationDecision['decision']
const DECISIONS: Record<Decision, { title: string; confirm: string; done: string; effect: string }> = {
  release: {
    title: '放行这段文字？',
    confirm: '放行',
    done: '已放行',
    effect: '放行后，对方将看到这段文字的原文。'
  },
  block: {
    title: '屏蔽这段文字？',
    confirm: '屏蔽',
    done: '已屏蔽',
    effect: '屏蔽后，对方只会看到「该内容未通过审核，已被屏蔽」，作者本人和工作人员仍可看到原文。'
  }
}

/** Why a text is held: the server's words, plus WeChat's label when those words do not already name it. */
function reasonOf(item: ModerationItem): string {
  if (item.label === undefined) return item.reason
  const label = wechatLabelText(item.label)
  return item.reason.includes(label) ? item.reason : `${item.reason}（${label}）`
}

/**
 * 内容审核: consumers' and shops' texts that WeChat's content check found risky, or could not check, wait
 * here, hidden from the other party, until a reviewer releases or blocks them. Each text is decided once:
 * when a colleague (or the automatic recheck) got there first the server answers 409, its message is
 * shown and the list reloaded.
 */
export default function ModerationPage() {
  const session = useRequiredSession()
  const list = usePagedList<QueueItem>(
    async (cursor) => {
      const page = await call(routes.moderationQueue, { query: pageQuery(cursor) })
      return { items: page.items.map(withId), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }
    },
    session?.user.id ?? '',
    isStaffUser(session?.user)
  )
  const [deciding, setDeciding] = useState<{ item: QueueItem; decision: Decision }>()
  const [notice, setNotice] = useState<Notice>()

  if (!isStaffSession(session)) return <NotStaffView session={session} forbidden='只有监管部门工作人员可以审核内容。' />

  const decided = (item: QueueItem, decision: Decision) => {
    setDeciding(undefined)
    list.removeItem(item.id)
    setNotice(undefined)
    void Taro.showToast({ title: DECISIONS[decision].done, icon: 'success', duration: 1500 })
  }

  /** Someone else decided it, or it left this person's reach: say so and show the list as it is now. */
  const overtaken = (message: string) => {
    setDeciding(undefined)
    setNotice({ kind: 'error', text: `${message}（列表已刷新）` })
    void list.refresh()
  }

  return (
    <View className='page moderation-page'>
      <View className='page-intro page-intro--warn'>
        <Text className='page-intro-text'>
          以下文字经微信内容安全检测有风险，或暂时无法检测，目前对方看不到。请阅读原文后决定：放行后对方可以看到；屏蔽后对方只看到「已被屏蔽」的提示。每段文字只能审核一次。
        </Text>
      </View>
      <PageNotice notice={notice} onClose={() => setNotice(undefined)} />

      <PagedListView list={list} className='moderation-list' loadingText='正在加载…' emptyTitle='暂无待审核的内容' emptyDescription='被拦下的文字都已处理'>
        {(items) => items.map((item) => <HeldText key={item.id} item={item} onDecide={(decision) => setDeciding({ item, decision })} />)}
      </PagedListView>

      {deciding ? (
        <DecisionDialog
          item={deciding.item}
          decision={deciding.decision}
          onCancel={() => setDeciding(undefined)}
          onDone={() => decided(deciding.item, deciding.decision)}
          onOvertaken={overtaken}
        />
      ) : null}
    </View>
  )
}

function HeldText({ item, onDecide }: { item: QueueItem; onDecide: (decision: Decision) => void }) {
  return (
    <View className={`card moderation-item moderation-item--${item.state}`}>
      <View className='card-head'>
        <Text className='card-title moderation-item-shop'>{item.merchant.name}</Text>
        <Text className='card-aside'>{townName(item.townCode)}</Text>
      </View>
      <View className='moderation-item-about small-tags'>
        <Tag className='moderation-item-state' background={item.state === 'unchecked' ? '#888888' : '#a66a00'}>
          {item.stateLabel}
        </Tag>
        <Text className='moderation-item-author'>
          {item.authorLabel}填写的{item.targetLabel}
        </Text>
      </View>
      <Text className='moderation-item-reason'>{reasonOf(item)}</Text>
      <Text className='moderation-item-text'>{item.text}</Text>
      <Text className='moderation-item-line'>填写时间：{formatShanghaiTime(item.writtenAt)}</Text>
      <View className='card-actions'>
        <Button className='release-text' type='primary' size='small' onClick={() => onDecide('release')}>
          放行
        </Button>
        <Button className='block-text' type='danger' size='small' fill='outline' onClick={() => onDecide('block')}>
          屏蔽
        </Button>
        <OpenCaseButton className='open-moderation-case' complaintId={item.complaintId} />
      </View>
    </View>
  )
}

/** Confirms one decision with the text in view; a failure other than "already decided" stays in the dialog. */
function DecisionDialog({
  item,
  decision,
  onCancel,
  onDone,
  onOvertaken
}: {
  item: QueueItem
  decision: Decision
  onCancel: () => void
  onDone: () => void
  onOvertaken: (message: string) => void
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const words = DECISIONS[decision]

  const confirm = async () => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    try {
      await call(routes.decideModeration, { params: { complaintId: item.complaintId, target: item.target }, body: { decision } })
      onDone()
    } catch (raw) {
      const failure = toApiError(raw)
      // 409: decided already; 404: gone or no longer in this person's jurisdiction. Either way the list is stale.
      if (failure.code === 'CONFLICT' || failure.code === 'NOT_FOUND') onOvertaken(failure.message)
      else if (failure.code !== 'UNAUTHENTICATED') setError(failure.message)
      setBusy(false)
    }
  }

  return (
    <ActionDialog
      className={`moderation-dialog moderation-dialog--${decision}`}
      visible
      title={words.title}
      confirmText={words.confirm}
      danger={decision === 'block'}
      loading={busy}
      onConfirm={() => void confirm()}
      onCancel={onCancel}
    >
      <Text className='moderation-dialog-about'>
        {item.merchant.name} · {item.authorLabel}填写的{item.targetLabel}
      </Text>
      <Text className='moderation-dialog-text'>{item.text}</Text>
      <Text className='moderation-dialog-effect'>{words.effect}</Text>
      {error ? <Text className='dialog-error'>{error}</Text> : null}
    </ActionDialog>
  )
}
