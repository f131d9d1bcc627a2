import { FOLLOW_UP_OUTCOMES, RATINGS, type ComplaintView } from '@fangxin/shared'
import type { CommandDeclaration } from './command-draft'
import { shanghaiDayOf } from './time'

/**
 * The 记录回访 form (command `follow_up`), for the staff case page and the station's: how the call went,
 * the satisfaction the consumer stated when reached (the contract requires it then and refuses it
 * otherwise, in its own words under the field), and a note. Only the admin and station subpackages
 * import this, so it travels with them, not in the main package.
 */
export const FOLLOW_UP_FORM: CommandDeclaration = {
  className: 'follow-up-form',
  fields: [
    {
      kind: 'choice',
      name: 'outcome',
      className: 'field-follow-up-outcome',
      label: '回访结果',
      vertical: true,
      options: (Object.entries(FOLLOW_UP_OUTCOMES) as Array<[keyof typeof FOLLOW_UP_OUTCOMES, string]>).map(([value, label]) => ({ value, label }))
    },
    {
      kind: 'choice',
      name: 'rating',
      className: 'field-follow-up-rating',
      label: '消费者在电话中表示的满意度（联系上时必填）',
      options: (Object.entries(RATINGS) as Array<[keyof typeof RATINGS, string]>).map(([value, label]) => ({ value, label }))
    },
    {
      kind: 'text',
      name: 'note',
      className: 'field-follow-up-note',
      label: '回访记录（选填，仅工作人员和投诉站可见）',
      maxLength: 500,
      placeholder: '拨打时间、消费者的意见'
    }
  ],
  submit: '保存回访记录',
  note: '联系上消费者时记录的满意度计入满意率，并标明来源「电话回访」；未联系上的回访会计入拨打次数，案件仍在待回访名单中。',
  done: '回访记录已保存'
}

/** Under the case: where the rating in force came from, when it was stated on a 回访 call. */
export const ratingSourceText = (complaint: Pick<ComplaintView, 'rating'>): string | undefined =>
  complaint.rating?.sourceLabel ? `满意度「${complaint.rating.ratingLabel}」来源：${complaint.rating.sourceLabel}` : undefined

/** One 回访 line's facts in words: when it closed, since when it is due, the calls made so far. */
export function followUpLine(item: { closedAt: string; dueAt: string; attempts: number; lastOutcome?: string | undefined; stationName?: string | undefined }): string {
  const parts = [`${shanghaiDayOf(item.closedAt)} 办结`, `${shanghaiDayOf(item.dueAt)} 起待回访`]
  parts.push(item.attempts > 0 ? `已拨打 ${item.attempts} 次${item.lastOutcome ? `，上次：${item.lastOutcome}` : ''}` : '尚未回访')
  if (item.stationName) parts.push(`受理投诉站：${item.stationName}`)
  return parts.join(' · ')
}
