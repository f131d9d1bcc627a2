import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { RATINGS, type CommandInput, type ComplaintView, type RatingCode } from '@fangxin/shared'
import { ActionDialog } from '@/components/action-dialog'
import { Choices, optionsOf } from '@/components/choices'
import { ComplaintDetail } from '@/components/complaint-detail'
import { ComplaintScreen, type LoadedComplaint } from '@/components/complaint-screen'
import { FieldError } from '@/components/state-views'
import { TextField } from '@/components/text-field'
import { ACTION_LABELS, CONSUMER_ACTIONS, MERCHANT_ACTIONS, STAFF_ACTIONS, allowedOf, optionalText } from '@/lib/actions'
import { keptForRetry } from '@/lib/command-outcome'
import { fieldErrorsFromApi, type FieldErrors } from '@/lib/field-errors'
import { formatYuan } from '@/lib/money'
import { PAGES, pageUrl } from '@/lib/navigation'
import { useText } from '@/lib/use-text'
import './index.css'

type ConsumerAction = (typeof CONSUMER_ACTIONS)[number]

const RATING_OPTIONS = optionsOf(RATINGS)

/**
 * The answers after which the consumer has news coming (the shop fulfils, the bureau decides), so their
 * confirm taps ask WeChat for one more message. Rating and withdrawing end the complaint: nothing to hear.
 */
const ASK_FOR_UPDATES_ON: readonly ConsumerAction[] = ['accept_proposal', 'reject_proposal', 'escalate']

const DIALOGS: Record<ConsumerAction, { title: string; confirm: string; success: string; danger?: boolean }> = {
  accept_proposal: { title: '接受商家的和解方案？', confirm: '接受方案', success: '已接受方案' },
  reject_proposal: { title: '不接受商家的方案？', confirm: '不接受', success: '已转交监管部门' },
  escalate: { title: '申请监管部门介入？', confirm: '申请介入', success: '已申请监管部门介入' },
  withdraw: { title: '撤回这件投诉？', confirm: '撤回投诉', success: '投诉已撤回', danger: true },
  rate: { title: '评价处理结果', confirm: '提交评价', success: '感谢您的评价' }
}

/**
 * One complaint. The consumer follows it here and answers: accept or reject a proposal, ask the bureau to
 * step in, withdraw, rate. Merchants and staff may land here too (from a notification); the server has
 * tailored what they see, and their action forms live in their own subpackages, one tap away.
 */
export default function ComplaintPage() {
  return (
    <ComplaintScreen
      className='complaint-page'
      missingId='缺少投诉编号，请从「我的投诉」进入'
      askForUpdatesOn={ASK_FOR_UPDATES_ON}
      whereToLook='进度请在「我的投诉」查看'
    >
      {({ complaint, send, sending }) => (
        <>
          <ComplaintDetail complaint={complaint} />
          <ConsumerActions complaint={complaint} send={send} sending={sending} />
          <RoleLinks complaint={complaint} />
        </>
      )}
    </ComplaintScreen>
  )
}

function ConsumerActions({
  complaint,
  send,
  sending
}: {
  complaint: ComplaintView
  send: LoadedComplaint['send']
  sending: boolean
}) {
  const actions = allowedOf(complaint.allowedActions, CONSUMER_ACTIONS)
  const [open, setOpen] = useState<ConsumerAction>()
  // What the typed text and rating belong to: cancelling and reopening the same action finds them again.
  const [draftFor, setDraftFor] = useState<ConsumerAction>()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string>()
  const [text, setText] = useText(() => {
    setErrors({})
    setFailure(undefined)
  })
  const [rating, setRating] = useState<RatingCode>()

  if (actions.length === 0) return null

  const start = (action: ConsumerAction) => {
    if (action !== draftFor) {
      setText('')
      setRating(undefined)
      setDraftFor(action)
    }
    setErrors({})
    setFailure(undefined)
    setOpen(action)
  }

  const commandFor = (action: ConsumerAction): CommandInput => {
    switch (action) {
      case 'accept_proposal':
        return { type: 'accept_proposal' }
      case 'rate':
        return { type: 'rate', rating: rating as RatingCode, ...(text.trim() ? { comment: text.trim() } : {}) }
      default:
        return { type: action, ...optionalText(text) }
    }
  }

  const confirm = async () => {
    if (!open) return
    setFailure(undefined)
    const outcome = await send(commandFor(open), DIALOGS[open].success)
    if (outcome.ok) {
      setOpen(undefined)
      setDraftFor(undefined)
      return
    }
    switch (outcome.failure) {
      case 'field':
        setErrors(fieldErrorsFromApi(outcome.error, 'command.') ?? {})
        return
      case 'stale':
        // The page notice says what happened; the complaint has been reloaded and this action may be gone.
        setOpen(undefined)
        return
      case 'other':
        setFailure(keptForRetry(outcome.error.message))
        return
      default:
        return
    }
  }

  return (
    <View className='consumer-actions'>
      <Text className='section-title'>您可以</Text>
      <View className='action-buttons'>
        {actions.map((action) => (
          <Button
            key={action}
            className={`action-button action-${action}`}
            type={action === 'accept_proposal' || action === 'rate' ? 'primary' : action === 'withdraw' ? 'default' : 'warning'}
            fill={action === 'withdraw' ? 'outline' : 'solid'}
            block
            onClick={() => start(action)}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </View>

      {open ? (
        <ActionDialog
          visible
          title={DIALOGS[open].title}
          confirmText={DIALOGS[open].confirm}
          danger={DIALOGS[open].danger ?? false}
          loading={sending}
          onCancel={() => setOpen(undefined)}
          onConfirm={() => void confirm()}
          className={`dialog-${open}`}
          error={failure}
        >
          {open === 'accept_proposal' && complaint.proposal ? (
            <Text>
              接受后视为在店内和解：商家将在 {complaint.proposal.dueDate} 前{complaint.proposal.outcomeLabel}
              {complaint.proposal.amount ? ` ${formatYuan(complaint.proposal.amount)}` : ''}。
            </Text>
          ) : null}
          {open === 'reject_proposal' ? <Text>不接受后，投诉将转交监管部门处理。</Text> : null}
          {open === 'escalate' ? <Text>监管部门将在规定期限内决定是否受理，并通知您结果。</Text> : null}
          {open === 'withdraw' ? <Text>撤回后这件投诉即告结束，不能恢复；如仍有问题需要重新投诉。</Text> : null}
          {open === 'rate' ? (
            <View className='field-rating'>
              <Choices
                options={RATING_OPTIONS}
                value={rating}
                onChange={(picked) => {
                  setRating(picked)
                  setErrors({})
                }}
                optionClassPrefix='rating-'
              />
              <FieldError message={errors.rating} />
            </View>
          ) : null}
          {open !== 'accept_proposal' ? (
            <TextField
              className={open === 'rate' ? 'field-comment' : 'field-reason'}
              label={
                open === 'rate' ? '评价（选填）' : open === 'withdraw' ? '撤回原因（选填）' : open === 'escalate' ? '申请说明（选填）' : '不接受的理由（选填）'
              }
              value={text}
              onChange={setText}
              maxLength={open === 'withdraw' ? 200 : open === 'rate' ? 300 : 500}
              rows={3}
              error={errors.text ?? errors.comment}
            />
          ) : null}
        </ActionDialog>
      ) : null}
    </View>
  )
}

/** For a merchant or staff viewer: the way to their own page, where the action forms are. */
function RoleLinks({ complaint }: { complaint: ComplaintView }) {
  const merchant = allowedOf(complaint.allowedActions, MERCHANT_ACTIONS).length > 0
  const staff = allowedOf(complaint.allowedActions, STAFF_ACTIONS).length > 0
  if (!merchant && !staff) return null
  return (
    <View className='role-links'>
      {merchant ? (
        <Button
          className='open-merchant-handle'
          type='primary'
          block
          onClick={() => void Taro.redirectTo({ url: pageUrl(PAGES.merchantHandle, { id: complaint.id }) })}
        >
          去商家工作台处理
        </Button>
      ) : null}
      {staff ? (
        <Button
          className='open-admin-case'
          type='primary'
          block
          onClick={() => void Taro.redirectTo({ url: pageUrl(PAGES.adminCase, { id: complaint.id }) })}
        >
          去监管工作台办理
        </Button>
      ) : null}
    </View>
  )
}
