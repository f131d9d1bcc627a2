import { useEffect, useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { DEFAULT_CLOCK_RULES, ORDER_TITLES, REFERRALS, orderOfPreset, routes, type ComplaintOrder, type ComplaintView, type ReferralCode } from '@fangxin/shared'
import { call } from '@/api/client'
import { optionsOf } from '@/components/choices'
import { CommandPanel } from '@/components/command-form'
import { ComplaintDetail } from '@/components/complaint-detail'
import { ComplaintScreen } from '@/components/complaint-screen'
import { STAFF_ACTIONS } from '@/lib/actions'
import { FOLLOW_UP_FORM, ratingSourceText } from '@/lib/follow-up'
import type { CommandDeclaration } from '@/lib/command-draft'
import { groundOptions, type GroundKind } from '@/lib/grounds'
import { isStaffUser, useSession } from '@/lib/session'
import { NoticeDeliveryCell } from '../../components/notice-delivery-cell'
import './index.css'

/** The staff's own steps, and the 回访 call after a case closes unrated (lib/follow-up). */
const CASE_ACTIONS = [...STAFF_ACTIONS, 'follow_up'] as const
type StaffAction = (typeof CASE_ACTIONS)[number]

/**
 * Taking a case on makes this person the one who must hear what happens next (e.g. the consumer
 * withdraws), so the 认领 and 受理 submit taps ask WeChat for one more message.
 */
const ASK_FOR_UPDATES_ON: readonly StaffAction[] = ['claim', 'accept']

const GUIDANCE_SAMPLE: Record<ReferralCode, string> = {
  arbitration:
    '经调解，双方未能达成一致。您可以依据双方的仲裁协议向仲裁委员会申请仲裁；如需帮助，可拨打 12315 或到县消费者协会咨询。',
  litigation:
    '经调解，双方未能达成一致。您可以依法向被投诉方所在地或合同履行地的人民法院提起诉讼，小额纠纷可适用小额诉讼程序；如需帮助，可拨打 12315 咨询。'
}

/**
 * The SAMR order the county works under, which decides the grounds staff may choose (the clock rules'
 * preset). `failed`: it could not be read — the default rules' order is offered, and the server, which
 * knows, refuses another order's ground at its field.
 */
type OrderInForce = { kind: 'loading' } | { kind: 'known'; order: ComplaintOrder } | { kind: 'failed'; order: ComplaintOrder }

function useOrderInForce(enabled: boolean): OrderInForce {
  const [state, setState] = useState<OrderInForce>({ kind: 'loading' })
  useEffect(() => {
    if (!enabled) return
    let current = true
    call(routes.getClockRules, {})
      .then((rules) => current && setState({ kind: 'known', order: orderOfPreset(rules.preset) }))
      .catch(() => current && setState({ kind: 'failed', order: orderOfPreset(DEFAULT_CLOCK_RULES.preset) }))
    return () => {
      current = false
    }
  }, [enabled])
  return state
}

/** The ground choice of a refusal or a termination: the grounds of the order in force, each with its article. */
function groundField(kind: GroundKind, name: string, label: string, inForce: OrderInForce) {
  return {
    kind: 'choice' as const,
    name,
    className: `field-${name}`,
    label,
    vertical: true,
    options: inForce.kind === 'loading' ? [] : groundOptions(kind, inForce.order),
    aside: () =>
      inForce.kind === 'loading'
        ? '正在读取本县执行的规章…'
        : inForce.kind === 'failed'
          ? `未能读取本县执行的规章，以下按${ORDER_TITLES[inForce.order]}列出`
          : `依据${ORDER_TITLES[inForce.order]}`
  }
}

/** The staff's steps, as forms: what each asks for and what it tells the person will follow. */
const staffCommands = (inForce: OrderInForce): Record<StaffAction, CommandDeclaration> => ({
  claim: {
    fields: [],
    submit: '认领',
    note: '认领后由您负责办理这件投诉，其他工作人员会看到承办人。',
    done: '已认领'
  },
  assign: {
    fields: [
      {
        kind: 'line',
        name: 'assigneeId',
        className: 'field-assignee',
        label: '指派给（工作人员编号）',
        required: true,
        maxLength: 64,
        placeholder: '请输入工作人员编号'
      }
    ],
    submit: '指派',
    done: '已指派'
  },
  accept: {
    fields: [{ kind: 'text', name: 'text', className: 'field-text', label: '受理说明（选填，消费者和商家可见）', maxLength: 500 }],
    submit: '受理',
    note: '受理后进入调解，调解期限自受理之日起计算。',
    done: '已受理'
  },
  not_accept: {
    fields: [
      groundField('refusal', 'reason', '不予受理的依据', inForce),
      { kind: 'text', name: 'text', className: 'field-text', label: '补充说明（选填，写入告知书，消费者和商家可见）', maxLength: 500 }
    ],
    submit: '不予受理',
    note: '将向消费者和商家出具不予受理告知书，写明依据和消费者可以采取的后续途径。',
    danger: true,
    done: '已作出不予受理决定'
  },
  record_mediation: {
    fields: [
      {
        kind: 'choice',
        name: 'party',
        className: 'field-party',
        label: '联系对象',
        options: [
          { value: 'consumer', label: '消费者' },
          { value: 'merchant', label: '商家' },
          { value: 'both', label: '双方' }
        ]
      },
      {
        kind: 'text',
        name: 'text',
        className: 'field-text',
        label: '调解记录',
        required: true,
        maxLength: 1000,
        placeholder: '时间、方式、沟通内容和各方意见'
      }
    ],
    submit: '保存调解记录',
    done: '调解记录已保存'
  },
  close_mediated: {
    fields: [
      {
        kind: 'text',
        name: 'text',
        className: 'field-text',
        label: '调解协议内容',
        required: true,
        maxLength: 1000,
        placeholder: '双方达成的协议：处理方式、金额、履行期限'
      }
    ],
    submit: '调解成功，结案',
    note: '结案后消费者可以评价处理结果。',
    done: '已结案：调解成功'
  },
  end_mediation: {
    fields: [
      groundField('termination', 'ground', '终止调解的依据', inForce),
      {
        kind: 'choice',
        name: 'referral',
        className: 'field-referral',
        label: '后续途径',
        options: optionsOf(REFERRALS),
        fills: { name: 'guidance', texts: GUIDANCE_SAMPLE }
      },
      {
        kind: 'text',
        name: 'guidance',
        className: 'field-guidance',
        label: '给消费者的指引',
        required: true,
        maxLength: 1000,
        hint: '选择途径后会填入参考文字，可修改'
      }
    ],
    submit: '终止调解',
    note: '终止后投诉结束，将向双方出具终止调解告知书，写明依据、后续途径和指引。',
    danger: true,
    done: '已终止调解'
  },
  record_12315: {
    fields: [
      {
        kind: 'line',
        name: 'caseNumber',
        className: 'field-case-number',
        label: '12315平台投诉编号',
        required: true,
        maxLength: 40,
        placeholder: '在12315平台登记后生成的编号',
        initial: (complaint) => complaint.case12315
      }
    ],
    submit: '登记',
    note: '编号显示在投诉详情和告知书上；登记有误可以重新登记。',
    done: '已登记12315编号'
  },
  note: {
    className: 'note-form',
    intro: (
      <View className='note-visibility'>
        <Tag className='note-internal-tag' background='#7a5af8'>仅工作人员可见</Tag>
        <Text className='note-visibility-text'>内部备注不会显示给消费者和商家。</Text>
      </View>
    ),
    fields: [{ kind: 'text', name: 'text', className: 'field-text', label: '内部备注', required: true, maxLength: 1000 }],
    submit: '保存备注',
    done: '备注已保存'
  },
  follow_up: FOLLOW_UP_FORM
})

/** How a station-filed case came in, and where its rating came from when stated on a 回访 call. */
function CaseIntake({ complaint }: { complaint: ComplaintView }) {
  const source = ratingSourceText(complaint)
  const intake = complaint.intake && complaint.intake.channel !== 'mini_program' ? complaint.intake : undefined
  if (!intake && !source) return null
  return (
    <View className='case-intake'>
      {intake ? (
        <Text className='case-intake-text'>
          {intake.channelLabel}
          {intake.consumerName ? ` · 消费者 ${intake.consumerName}` : ''}
          {intake.spokenConsent ? ' · 已取得口头同意' : ''}
        </Text>
      ) : null}
      {source ? <Text className='case-intake-text rating-source'>{source}</Text> : null}
    </View>
  )
}

/**
 * Bureau staff handle one complaint: everything about it, internal notes included (the server shows them
 * to staff only), and the actions the server allows this person now — claim, accept or not (on a ground
 * of the order in force), mediate, close, end (on a ground, with a referral), record the 12315 number, note.
 */
export default function AdminCasePage() {
  const session = useSession()
  const inForce = useOrderInForce(isStaffUser(session?.user))
  const commands = useMemo(() => staffCommands(inForce), [inForce])
  return (
    <ComplaintScreen
      className='admin-case-page'
      missingId='缺少投诉编号，请从监管工作台进入'
      askForUpdatesOn={ASK_FOR_UPDATES_ON}
      whereToLook='待办投诉请在「监管工作台」查看'
    >
      {(loaded) => (
        <>
          {loaded.complaint.assigneeId ? (
            <View className='case-assignee'>
              <Text className='case-assignee-text'>
                {loaded.complaint.assigneeId === loaded.session.user.id ? '由您负责办理' : `承办人：${loaded.complaint.assigneeId}`}
              </Text>
            </View>
          ) : null}
          <CaseIntake complaint={loaded.complaint} />
          <CommandPanel title='办理' order={CASE_ACTIONS} commands={commands} loaded={loaded} idle='您暂时没有可办理的事项。' />
          <ComplaintDetail
            complaint={loaded.complaint}
            forStaff
            aboutNotice={loaded.complaint.notice ? <NoticeDeliveryCell notice={loaded.complaint.notice} /> : null}
          />
        </>
      )}
    </ComplaintScreen>
  )
}
