import { OUTCOMES } from '@fangxin/shared'
import { optionsOf } from '@/components/choices'
import { CommandPanel } from '@/components/command-form'
import { ComplaintDetail } from '@/components/complaint-detail'
import { ComplaintScreen } from '@/components/complaint-screen'
import { MERCHANT_ACTIONS } from '@/lib/actions'
import type { CommandDeclaration } from '@/lib/command-draft'
import { templatesFor } from '../../reply-templates'

type MerchantAction = (typeof MERCHANT_ACTIONS)[number]

/** The merchant's answers, as forms: what each asks for and what it tells the merchant will follow. */
const COMMANDS: Record<MerchantAction, CommandDeclaration> = {
  reply: {
    className: 'reply-form',
    fields: [
      {
        kind: 'templates',
        name: 'text',
        className: 'reply-templates',
        label: '常用答复（点选后可修改）',
        templates: (complaint) =>
          templatesFor(
            complaint.commitmentsInForce.map((c) => c.key),
            complaint.breachedCommitment?.key
          )
      },
      { kind: 'text', name: 'text', className: 'field-text', label: '答复内容', required: true, maxLength: 1000, placeholder: '请告诉消费者您将如何处理' }
    ],
    submit: '发送答复',
    note: '答复后请在期限内提出处理方案。',
    done: '答复已发送'
  },
  propose: {
    className: 'propose-form',
    fields: [
      {
        kind: 'choice',
        name: 'proposal.outcome',
        className: 'field-outcome',
        label: '处理方式',
        options: optionsOf(OUTCOMES),
        // The form opens on what the consumer asked for, and says so.
        initial: (complaint) => (complaint.wantedOutcome in OUTCOMES ? complaint.wantedOutcome : undefined),
        aside: (complaint) => (complaint.wantedOutcome in OUTCOMES ? `消费者的诉求：${complaint.wantedOutcomeLabel}` : undefined)
      },
      {
        kind: 'amount',
        name: 'proposal.amount',
        className: 'field-amount',
        label: '金额（元，选填）',
        placeholder: '例如 128.50',
        initial: (complaint) => complaint.amount
      },
      {
        kind: 'date',
        name: 'proposal.dueDate',
        className: 'field-due-date',
        label: '履行日期（在此日期前完成）',
        title: '选择履行日期',
        quick: [
          { code: 'today', label: '今天', offset: 0 },
          { code: 'tomorrow', label: '明天', offset: 1 },
          { code: 'in-3-days', label: '3 天内', offset: 3 },
          { code: 'in-7-days', label: '7 天内', offset: 7 }
        ],
        withinDays: 90
      },
      {
        kind: 'text',
        name: 'proposal.text',
        className: 'field-text',
        label: '方案说明',
        required: true,
        maxLength: 1000,
        placeholder: '例如：请您带上商品和小票到店，我们当场为您更换同款新品'
      }
    ],
    submit: '发送方案',
    note: '消费者接受后即为店内和解，请按方案按时履行；消费者不接受的，投诉将转交监管部门。',
    done: '方案已发送给消费者'
  },
  decline: {
    className: 'decline-form',
    fields: [
      {
        kind: 'text',
        name: 'text',
        className: 'field-text',
        label: '拒绝理由',
        required: true,
        maxLength: 1000,
        placeholder: '请说明不予处理的理由，监管部门和消费者都会看到'
      }
    ],
    submit: '拒绝处理',
    note: '拒绝后，投诉将直接转交监管部门处理，并计入本店的投诉处理指标。',
    danger: true,
    done: '已拒绝处理，投诉已转交监管部门'
  },
  fulfil: {
    className: 'fulfil-form',
    fields: [{ kind: 'text', name: 'text', className: 'field-text', label: '履行说明（选填）', maxLength: 500, placeholder: '例如：已于今日为顾客更换新品' }],
    submit: '标记已履行',
    note: '确认已按和解方案完成后再标记；消费者会收到通知。',
    done: '已标记为履行'
  }
}

/**
 * A merchant handles one complaint: the facts (phone masked unless the consumer shared it), then the
 * actions the server allows now — reply, propose a settlement, decline, mark fulfilled.
 */
export default function MerchantHandlePage() {
  return (
    <ComplaintScreen
      className='merchant-handle-page'
      missingId='缺少投诉编号，请从商家工作台进入'
      // Every merchant answer leaves the next move to the consumer or the bureau, which the shop hears
      // about: each submit tap (答复, 提出方案, 拒绝处理, 标记已履行) asks WeChat for one more message.
      askForUpdatesOn={MERCHANT_ACTIONS}
      whereToLook='新投诉和处理进度请在「商家工作台」查看'
    >
      {(loaded) => (
        <>
          <CommandPanel title='处理这件投诉' order={MERCHANT_ACTIONS} commands={COMMANDS} loaded={loaded} idle='暂时不需要您操作。' />
          <ComplaintDetail complaint={loaded.complaint} />
        </>
      )}
    </ComplaintScreen>
  )
}
