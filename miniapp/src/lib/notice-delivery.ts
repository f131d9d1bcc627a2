import { describeDeadline, formatShanghaiTime, type ComplaintView } from '@fangxin/shared'

/**
 * Whether the written notice of a decision has reached both parties, for staff (the case page and the
 * follow-up list in the admin subpackage — so the deadline words stay out of the main package). No Taro
 * here, so unit tests can run it.
 */

type NoticeSummary = NonNullable<ComplaintView['notice']>

/** Whether one party was reached, in words. */
const reachedWord = (at: string | undefined) => (at ? '已送达' : '未送达')

/**
 * By when a notice must reach both parties, in the deadline words the rest of the app uses: 「12月4日（周五）
 * 24:00 前送达双方（还剩 5 天）」 or 「…（已超期 2 天）」.
 */
export function sendByText(sendBy: string, now: Date): string {
  const { text } = describeDeadline(new Date(sendBy), now)
  const [moment, tail] = text.split(' 前，')
  return tail ? `${moment} 前送达双方（${tail}）` : `${text}送达双方`
}

/** Who the notice has reached so far: 「消费者 已送达，商家 未送达」. */
export const reachedText = (reached: NoticeSummary['reached']) =>
  `消费者 ${reachedWord(reached?.consumer)}，商家 ${reachedWord(reached?.merchant)}`

/**
 * For staff: by when the notice must reach both parties and whether each was reached — 「告知书须在 12月4日
 * （周五）24:00 前送达双方（还剩 5 天）；消费者 已送达，商家 未送达」 — or, once both were, when. Undefined
 * when the server sent no deadline (it sends one to staff only).
 */
export function noticeDeliveryText(notice: Pick<NoticeSummary, 'sendBy' | 'reached'>, now: Date): string | undefined {
  if (!notice.sendBy) return undefined
  const { consumer, merchant } = notice.reached ?? {}
  if (consumer && merchant) return `告知书已送达双方：消费者 ${formatShanghaiTime(consumer)}，商家 ${formatShanghaiTime(merchant)}`
  return `告知书须在 ${sendByText(notice.sendBy, now)}；${reachedText(notice.reached)}`
}
