import type { PartyNoticeView } from '@fangxin/shared'
import { chineseDate } from './dates-in-words'

/**
 * The written notice (不予受理告知书 / 终止调解告知书) in words, as text to copy and keep. Only the notice page
 * (the `consumer` subpackage) uses it. No Taro here, so unit tests can run it.
 */

/** What the ground decided, per kind of notice. */
export const GROUND_HEADINGS: Record<PartyNoticeView['kind'], string> = {
  refusal: '不予受理的理由',
  termination: '终止调解的理由'
}

/**
 * The whole notice as plain text, in the order the page shows it: what a person pastes into a chat or a
 * note to keep (WeChat's 复制全文).
 */
export function noticeText(notice: PartyNoticeView): string {
  const lines = [
    notice.title,
    `投诉编号：${notice.complaintId}`,
    `被投诉人：${notice.merchantName}`,
    ...(notice.case12315 ? [`12315编号：${notice.case12315}`] : []),
    `决定日期：${chineseDate(notice.decidedOn)}`,
    `${GROUND_HEADINGS[notice.kind]}：${notice.ground.label}`,
    ...(notice.ground.article ? [`依据：${notice.ground.article}`] : []),
    ...(notice.note ? [`说明：${notice.note}`] : []),
    '您可以：',
    ...notice.nextSteps.map((step, index) => `${index + 1}. ${step}`),
    `作出单位：${notice.issuer}`,
    chineseDate(notice.decidedOn)
  ]
  return lines.join('\n')
}
