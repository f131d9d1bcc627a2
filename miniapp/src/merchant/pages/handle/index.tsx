import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Input, Tag } from '@nutui/nutui-react-taro'
import { OUTCOMES, type ComplaintView, type OutcomeCode } from '@fangxin/shared'
import { ApiError } from '@/api/client'
import { ActionPanel, SubmitBar } from '@/components/action-panel'
import { ChoiceField, optionsOf } from '@/components/choices'
import { ComplaintDetail } from '@/components/complaint-detail'
import { DateField, type QuickDate } from '@/components/date-field'
import { ErrorView, FieldError, LoadingView, PageNotice } from '@/components/state-views'
import { SubscribeOffHint } from '@/components/subscribe-hint'
import { TextField } from '@/components/text-field'
import { ACTION_LABELS, MERCHANT_ACTIONS, allowedOf, optionalText } from '@/lib/actions'
import { safeDecode } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { addDays, shanghaiToday } from '@/lib/time'
import { useCommandForm, useComplaint } from '@/lib/use-complaint'
import { templatesFor } from '../../reply-templates'
import './index.css'

type MerchantAction = (typeof MERCHANT_ACTIONS)[number]
type Send = ReturnType<typeof useComplaint>['send']

const OUTCOME_OPTIONS = optionsOf(OUTCOMES)
const DUE_QUICK: QuickDate[] = [
  { code: 'today', label: '今天', offset: 0 },
  { code: 'tomorrow', label: '明天', offset: 1 },
  { code: 'in-3-days', label: '3 天内', offset: 3 },
  { code: 'in-7-days', label: '7 天内', offset: 7 }
]

/**
 * A merchant handles one complaint: the facts (phone masked unless the consumer shared it), then the
 * actions the server allows now — reply, propose a settlement, decline, mark fulfilled.
 */
export default function MerchantHandlePage() {
  const { params } = useRouter()
  const id = params.id ? safeDecode(params.id) : undefined
  const session = useRequiredSession()
  // Every merchant answer leaves the next move to the consumer or the bureau, which the shop hears about:
  // each submit tap (答复, 提出方案, 拒绝处理, 标记已履行) asks WeChat for one more message.
  const { state, reload, send, sending, notice, clearNotice, notificationsOff } = useComplaint(id, Boolean(session), MERCHANT_ACTIONS)
  const [open, setOpen] = useState<MerchantAction>()

  if (!id) return <ErrorView error={new ApiError('INVALID', '缺少投诉编号，请从商家工作台进入')} />
  if (!session) return <LoadingView text='正在登录…' />
  if (state.kind === 'loading') return <LoadingView text='正在加载投诉…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />

  const { complaint } = state
  const actions = allowedOf(complaint.allowedActions, MERCHANT_ACTIONS)
  const close = () => setOpen(undefined)
  const form = { complaint, send, sending, onDone: close }

  return (
    <View className='merchant-handle-page'>
      <PageNotice notice={notice} onClose={clearNotice} />
      {notificationsOff ? <SubscribeOffHint whereToLook='新投诉和处理进度请在「商家工作台」查看' /> : null}
      {actions.length > 0 ? (
        <ActionPanel title='处理这件投诉' actions={actions} labels={ACTION_LABELS} open={open} onOpen={setOpen}>
          {open === 'reply' ? <ReplyForm {...form} /> : null}
          {open === 'propose' ? <ProposeForm {...form} /> : null}
          {open === 'decline' ? <DeclineForm {...form} /> : null}
          {open === 'fulfil' ? <FulfilForm {...form} /> : null}
        </ActionPanel>
      ) : (
        <View className='no-actions'>
          <Text className='no-actions-text'>当前状态为「{complaint.statusLabel}」，暂时不需要您操作。</Text>
        </View>
      )}
      <ComplaintDetail complaint={complaint} />
    </View>
  )
}

interface FormProps {
  complaint: ComplaintView
  send: Send
  sending: boolean
  onDone: () => void
}

function ReplyForm({ complaint, send, sending, onDone }: FormProps) {
  const [text, setText] = useState('')
  const { errors, clearErrors, submit } = useCommandForm(send)
  const templates = templatesFor(
    complaint.commitmentsInForce.map((c) => c.key),
    complaint.breachedCommitment?.key
  )
  return (
    <View className='reply-form'>
      <View className='field-block reply-templates'>
        <Text className='field-label'>常用答复（点选后可修改）</Text>
        <View className='template-tags'>
          {templates.map((template) => (
            <Tag
              key={template.key}
              className={`template-tag template-${template.key}`}
              plain
              type='primary'
              onClick={() => {
                setText(template.text)
                clearErrors()
              }}
            >
              {template.title}
            </Tag>
          ))}
        </View>
      </View>
      <TextField
        className='field-text'
        label='答复内容'
        required
        value={text}
        onChange={(value) => {
          setText(value)
          clearErrors()
        }}
        maxLength={1000}
        placeholder='请告诉消费者您将如何处理'
        error={errors.text}
      />
      <SubmitBar
        label='发送答复'
        note='答复后请在期限内提出处理方案。'
        loading={sending}
        onSubmit={() => void submit({ type: 'reply', text }, '答复已发送').then((ok) => ok && onDone())}
        onCancel={onDone}
      />
    </View>
  )
}

function ProposeForm({ complaint, send, sending, onDone }: FormProps) {
  const today = shanghaiToday(new Date())
  const wanted = complaint.wantedOutcome in OUTCOMES ? (complaint.wantedOutcome as OutcomeCode) : undefined
  const [outcome, setOutcome] = useState<OutcomeCode | undefined>(wanted)
  const [amount, setAmount] = useState(complaint.amount ?? '')
  const [dueDate, setDueDate] = useState<string>()
  const [text, setText] = useState('')
  const { errors, clearErrors, submit } = useCommandForm(send)

  const propose = () =>
    submit(
      {
        type: 'propose',
        proposal: {
          outcome: outcome as OutcomeCode,
          ...(amount.trim() ? { amount: amount.trim() } : {}),
          dueDate: dueDate as string,
          text
        }
      },
      '方案已发送给消费者'
    ).then((ok) => ok && onDone())

  return (
    <View className='propose-form'>
      <ChoiceField
        className='field-outcome'
        label='处理方式'
        aside={wanted ? <Text className='field-hint-inline'>消费者的诉求：{complaint.wantedOutcomeLabel}</Text> : null}
        options={OUTCOME_OPTIONS}
        value={outcome}
        onChange={(value) => {
          setOutcome(value)
          clearErrors()
        }}
        error={errors['proposal.outcome']}
      />
      <View className='field-block field-amount'>
        <Text className='field-label'>金额（元，选填）</Text>
        <Input type='digit' value={amount} placeholder='例如 128.50' maxLength={11} clearable onChange={(value) => {
          setAmount(value)
          clearErrors()
        }} />
        <FieldError message={errors['proposal.amount']} />
      </View>
      <View className='field-block field-due-date'>
        <Text className='field-label field-label--required'>履行日期（在此日期前完成）</Text>
        <DateField
          title='选择履行日期'
          value={dueDate}
          onChange={(value) => {
            setDueDate(value)
            clearErrors()
          }}
          today={today}
          quick={DUE_QUICK}
          min={today}
          max={addDays(today, 90)}
        />
        <FieldError message={errors['proposal.dueDate']} />
      </View>
      <TextField
        className='field-text'
        label='方案说明'
        required
        value={text}
        onChange={(value) => {
          setText(value)
          clearErrors()
        }}
        maxLength={1000}
        placeholder='例如：请您带上商品和小票到店，我们当场为您更换同款新品'
        error={errors['proposal.text']}
      />
      <SubmitBar
        label='发送方案'
        note='消费者接受后即为店内和解，请按方案按时履行；消费者不接受的，投诉将转交监管部门。'
        loading={sending}
        onSubmit={() => void propose()}
        onCancel={onDone}
      />
    </View>
  )
}

function DeclineForm({ send, sending, onDone }: FormProps) {
  const [text, setText] = useState('')
  const { errors, clearErrors, submit } = useCommandForm(send)
  return (
    <View className='decline-form'>
      <TextField
        className='field-text'
        label='拒绝理由'
        required
        value={text}
        onChange={(value) => {
          setText(value)
          clearErrors()
        }}
        maxLength={1000}
        placeholder='请说明不予处理的理由，监管部门和消费者都会看到'
        error={errors.text}
      />
      <SubmitBar
        label='拒绝处理'
        note='拒绝后，投诉将直接转交监管部门处理，并计入本店的投诉处理指标。'
        danger
        loading={sending}
        onSubmit={() => void submit({ type: 'decline', text }, '已拒绝处理，投诉已转交监管部门').then((ok) => ok && onDone())}
        onCancel={onDone}
      />
    </View>
  )
}

function FulfilForm({ send, sending, onDone }: FormProps) {
  const [text, setText] = useState('')
  const { errors, clearErrors, submit } = useCommandForm(send)
  return (
    <View className='fulfil-form'>
      <TextField
        className='field-text'
        label='履行说明（选填）'
        value={text}
        onChange={(value) => {
          setText(value)
          clearErrors()
        }}
        maxLength={500}
        placeholder='例如：已于今日为顾客更换新品'
        error={errors.text}
      />
      <SubmitBar
        label='标记已履行'
        note='确认已按和解方案完成后再标记；消费者会收到通知。'
        loading={sending}
        onSubmit={() => void submit({ type: 'fulfil', ...optionalText(text) }, '已标记为履行').then((ok) => ok && onDone())}
        onCancel={onDone}
      />
    </View>
  )
}
