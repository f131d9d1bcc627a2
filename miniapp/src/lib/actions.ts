import type { CommandInput, CommandType } from '@fangxin/shared'

/**
 * How each command the server may allow is presented: its button label and whose page carries its form.
 * Which commands are allowed is never decided here — the server lists them in `allowedActions`. Only the
 * commands a person sends (the contract's `CommandInput`) have a label: the system's own (the sweeper's
 * `expire`, `recompute_deadline` after a calendar entry) are never buttons.
 */
export const ACTION_LABELS: Record<CommandInput['type'], string> = {
  accept_proposal: '接受方案',
  reject_proposal: '不接受',
  escalate: '申请监管部门介入',
  withdraw: '撤回投诉',
  rate: '评价',
  reply: '答复',
  propose: '提出和解方案',
  decline: '拒绝处理',
  fulfil: '标记已履行',
  claim: '认领',
  assign: '指派',
  accept: '受理',
  not_accept: '不予受理',
  record_mediation: '调解记录',
  close_mediated: '调解成功',
  end_mediation: '终止调解',
  note: '内部备注（仅工作人员可见）',
  record_12315: '登记12315编号',
  follow_up: '记录电话回访'
}

export const CONSUMER_ACTIONS = ['accept_proposal', 'reject_proposal', 'escalate', 'rate', 'withdraw'] as const
export const MERCHANT_ACTIONS = ['reply', 'propose', 'decline', 'fulfil'] as const
export const STAFF_ACTIONS = [
  'claim',
  'assign',
  'accept',
  'not_accept',
  'record_mediation',
  'close_mediated',
  'end_mediation',
  'record_12315',
  'note'
] as const

/** The allowed actions that belong to one role's page, in that page's order. */
export function allowedOf<T extends CommandType>(allowed: readonly CommandType[], ofRole: readonly T[]): T[] {
  return ofRole.filter((type) => allowed.includes(type))
}

/** A free-text field's value as the contract wants it: trimmed, and left out when empty. */
export const optionalText = (text: string): { text: string } | Record<string, never> => (text.trim() ? { text: text.trim() } : {})
