import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Input, Tag } from '@nutui/nutui-react-taro'
import {
  NOT_ACCEPTED_REASONS,
  REFERRALS,
  type ComplaintView,
  type NotAcceptedReasonCode,
  type ReferralCode
} from '@fangxin/shared'
import { ApiError } from '@/api/client'
import { ActionPanel, SubmitBar } from '@/components/action-panel'
import { ChoiceField, optionsOf, type ChoiceOption } from '@/components/choices'
import { ComplaintDetail } from '@/components/complaint-detail'
import { ErrorView, FieldError, LoadingView, PageNotice } from '@/components/state-views'
import { SubscribeOffHint } from '@/components/subscribe-hint'
import { TextField } from '@/components/text-field'
import { ACTION_LABELS, STAFF_ACTIONS, allowedOf, optionalText } from '@/lib/actions'
import { safeDecode } from '@/lib/navigation'
import { useRequiredSession } from '@/lib/sign-in'
import { useCommandForm, useComplaint } from '@/lib/use-complaint'
import './index.css'

type StaffAction = (typeof STAFF_ACTIONS)[number]
type Send = ReturnType<typeof useComplaint>['send']
type Party = 'consumer' | 'merchant' | 'both'

/**
 * Taking a case on makes this person the one who must hear what happens next (e.g. the consumer
 * withdraws), so the 认领 and 受理 submit taps ask WeChat for one more message.
 */
const ASK_FOR_UPDATES_ON: readonly StaffAction[] = ['claim', 'accept']

const REASON_OPTIONS = optionsOf(NOT_ACCEPTED_REASONS)
const REFERRAL_OPTIONS = optionsOf(REFERRALS)
const PARTY_OPTIONS: ChoiceOption<Party>[] = [
  { value: 'consumer', label: '消费者' },
  { value: 'merchant', label: '商家' },
  { value: 'both', label: '双方' }
]

const GUIDANCE_SAMPLE: Record<ReferralCode, string> = {
  arbitration:
    '经调解，双方未能达成一致。您可以依据双方的仲裁协议向仲裁委员会申请仲裁；如需帮助，可拨打 12315 或到县消费者协会咨询。',
  litigation:
    '经调解，双方未能达成一致。您可以依法向被投诉方所在地或合同履行地的人民法院提起诉讼，小额纠纷可适用小额诉讼程序；如需帮助，可拨打 12315 咨询。'
}

/**
 * Bureau staff handle one complaint: everything about it, internal notes included (the server shows them
 * to staff only), and the actions the server allows this person now — claim, accept or not, mediate,
 * close, end with a referral, note.
 */
export default function AdminCasePage() {
  const { params } = useRouter()
  const id = params.id ? safeDecode(params.id) : undefined
  const session = useRequiredSession()
  const { state, reload, send, sending, notice, clearNotice, notificationsOff } = useComplaint(id, Boolean(session), ASK_FOR_UPDATES_ON)
  const [open, setOpen] = useState<StaffAction>()

  if (!id) return <ErrorView error={new ApiError('INVALID', '缺少投诉编号，请从监管工作台进入')} />
  if (!session) return <LoadingView text='正在登录…' />
  if (state.kind === 'loading') return <LoadingView text='正在加载投诉…' />
  if (state.kind === 'failed') return <ErrorView error={state.error} onRetry={() => void reload()} />

  const { complaint } = state
  const actions = allowedOf(complaint.allowedActions, STAFF_ACTIONS)
  const form = { complaint, send, sending, onDone: () => setOpen(undefined) }

  return (
    <View className='admin-case-page'>
      <PageNotice notice={notice} onClose={clearNotice} />
      {notificationsOff ? <SubscribeOffHint whereToLook='待办投诉请在「监管工作台」查看' /> : null}
      {complaint.assigneeId ? (
        <View className='case-assignee'>
          <Text className='case-assignee-text'>
            {complaint.assigneeId === session.user.id ? '由您负责办理' : `承办人：${complaint.assigneeId}`}
          </Text>
        </View>
      ) : null}
      {actions.length > 0 ? (
        <ActionPanel title='办理' actions={actions} labels={ACTION_LABELS} open={open} onOpen={setOpen}>
          {open === 'claim' ? <ClaimForm {...form} /> : null}
          {open === 'assign' ? <AssignForm {...form} /> : null}
          {open === 'accept' ? <AcceptForm {...form} /> : null}
          {open === 'not_accept' ? <NotAcceptForm {...form} /> : null}
          {open === 'record_mediation' ? <MediationRecordForm {...form} /> : null}
          {open === 'close_mediated' ? <CloseMediatedForm {...form} /> : null}
          {open === 'end_mediation' ? <EndMediationForm {...form} /> : null}
          {open === 'note' ? <NoteForm {...form} /> : null}
        </ActionPanel>
      ) : (
        <View className='no-actions'>
          <Text className='no-actions-text'>当前状态为「{complaint.statusLabel}」，您暂时没有可办理的事项。</Text>
        </View>
      )}
      <ComplaintDetail complaint={complaint} forStaff />
    </View>
  )
}

interface FormProps {
  complaint: ComplaintView
  send: Send
  sending: boolean
  onDone: () => void
}

/** A free-text state with its setter clearing the form's errors. */
function useText(clearErrors: () => void, initial = ''): [string, (value: string) => void] {
  const [text, setText] = useState(initial)
  return [
    text,
    (value: string) => {
      setText(value)
      clearErrors()
    }
  ]
}

function ClaimForm({ send, sending, onDone }: FormProps) {
  const { submit } = useCommandForm(send)
  return (
    <SubmitBar
      label='认领'
      note='认领后由您负责办理这件投诉，其他工作人员会看到承办人。'
      loading={sending}
      onSubmit={() => void submit({ type: 'claim' }, '已认领').then((ok) => ok && onDone())}
      onCancel={onDone}
    />
  )
}

function AssignForm({ send, sending, onDone }: FormProps) {
  const { errors, clearErrors, submit } = useCommandForm(send)
  const [assignee, setAssignee] = useText(clearErrors)
  return (
    <View>
      <View className='field-block field-assignee'>
        <Text className='field-label field-label--required'>指派给（工作人员编号）</Text>
        <Input value={assignee} placeholder='请输入工作人员编号' maxLength={64} clearable onChange={setAssignee} />
        <FieldError message={errors.assigneeId} />
      </View>
      <SubmitBar
        label='指派'
        loading={sending}
        onSubmit={() => void submit({ type: 'assign', assigneeId: assignee.trim() }, '已指派').then((ok) => ok && onDone())}
        onCancel={onDone}
      />
    </View>
  )
}

function AcceptForm({ send, sending, onDone }: FormProps) {
  const { errors, clearErrors, submit } = useCommandForm(send)
  const [text, setText] = useText(clearErrors)
  return (
    <View>
      <TextField
        className='field-text'
        label='受理说明（选填，消费者和商家可见）'
        value={text}
        onChange={setText}
        maxLength={500}
        error={errors.text}
      />
      <SubmitBar
        label='受理'
        note='受理后进入调解，调解期限自受理之日起计算。'
        loading={sending}
        onSubmit={() => void submit({ type: 'accept', ...optionalText(text) }, '已受理').then((ok) => ok && onDone())}
        onCancel={onDone}
      />
    </View>
  )
}

function NotAcceptForm({ send, sending, onDone }: FormProps) {
  const { errors, clearErrors, submit } = useCommandForm(send)
  const [reason, setReason] = useState<NotAcceptedReasonCode>()
  const [text, setText] = useText(clearErrors)
  return (
    <View>
      <ChoiceField
        className='field-reason'
        label='不予受理的理由'
        vertical
        options={REASON_OPTIONS}
        value={reason}
        onChange={(value) => {
          setReason(value)
          clearErrors()
        }}
        error={errors.reason}
      />
      <TextField
        className='field-text'
        label='补充说明（选填，消费者可见）'
        value={text}
        onChange={setText}
        maxLength={500}
        error={errors.text}
      />
      <SubmitBar
        label='不予受理'
        note='消费者会收到不予受理的决定和理由。'
        danger
        loading={sending}
        onSubmit={() =>
          void submit({ type: 'not_accept', reason: reason as NotAcceptedReasonCode, ...optionalText(text) }, '已作出不予受理决定').then(
            (ok) => ok && onDone()
          )
        }
        onCancel={onDone}
      />
    </View>
  )
}

function MediationRecordForm({ send, sending, onDone }: FormProps) {
  const { errors, clearErrors, submit } = useCommandForm(send)
  const [party, setParty] = useState<Party>()
  const [text, setText] = useText(clearErrors)
  return (
    <View>
      <ChoiceField
        className='field-party'
        label='联系对象'
        options={PARTY_OPTIONS}
        value={party}
        onChange={(value) => {
          setParty(value)
          clearErrors()
        }}
        error={errors.party}
      />
      <TextField
        className='field-text'
        label='调解记录'
        required
        value={text}
        onChange={setText}
        maxLength={1000}
        placeholder='时间、方式、沟通内容和各方意见'
        error={errors.text}
      />
      <SubmitBar
        label='保存调解记录'
        loading={sending}
        onSubmit={() =>
          void submit({ type: 'record_mediation', party: party as Party, text }, '调解记录已保存').then((ok) => ok && onDone())
        }
        onCancel={onDone}
      />
    </View>
  )
}

function CloseMediatedForm({ send, sending, onDone }: FormProps) {
  const { errors, clearErrors, submit } = useCommandForm(send)
  const [text, setText] = useText(clearErrors)
  return (
    <View>
      <TextField
        className='field-text'
        label='调解协议内容'
        required
        value={text}
        onChange={setText}
        maxLength={1000}
        placeholder='双方达成的协议：处理方式、金额、履行期限'
        error={errors.text}
      />
      <SubmitBar
        label='调解成功，结案'
        note='结案后消费者可以评价处理结果。'
        loading={sending}
        onSubmit={() => void submit({ type: 'close_mediated', text }, '已结案：调解成功').then((ok) => ok && onDone())}
        onCancel={onDone}
      />
    </View>
  )
}

function EndMediationForm({ send, sending, onDone }: FormProps) {
  const { errors, clearErrors, submit } = useCommandForm(send)
  const [referral, setReferral] = useState<ReferralCode>()
  const [guidance, setGuidance] = useText(clearErrors)
  return (
    <View>
      <ChoiceField
        className='field-referral'
        label='后续途径'
        options={REFERRAL_OPTIONS}
        value={referral}
        onChange={(value) => {
          setReferral(value)
          clearErrors()
          if (!guidance.trim()) setGuidance(GUIDANCE_SAMPLE[value])
        }}
        error={errors.referral}
      />
      <TextField
        className='field-guidance'
        label='给消费者的指引'
        required
        value={guidance}
        onChange={setGuidance}
        maxLength={1000}
        hint='选择途径后会填入参考文字，可修改'
        error={errors.guidance}
      />
      <SubmitBar
        label='终止调解'
        note='终止后投诉结束，消费者会收到后续途径和指引。'
        danger
        loading={sending}
        onSubmit={() =>
          void submit({ type: 'end_mediation', referral: referral as ReferralCode, guidance }, '已终止调解').then(
            (ok) => ok && onDone()
          )
        }
        onCancel={onDone}
      />
    </View>
  )
}

function NoteForm({ send, sending, onDone }: FormProps) {
  const { errors, clearErrors, submit } = useCommandForm(send)
  const [text, setText] = useText(clearErrors)
  return (
    <View className='note-form'>
      <View className='note-visibility'>
        <Tag className='note-internal-tag' background='#7a5af8'>仅工作人员可见</Tag>
        <Text className='note-visibility-text'>内部备注不会显示给消费者和商家。</Text>
      </View>
      <TextField
        className='field-text'
        label='内部备注'
        required
        value={text}
        onChange={setText}
        maxLength={1000}
        error={errors.text}
      />
      <SubmitBar
        label='保存备注'
        loading={sending}
        onSubmit={() => void submit({ type: 'note', text }, '备注已保存').then((ok) => ok && onDone())}
        onCancel={onDone}
      />
    </View>
  )
}
