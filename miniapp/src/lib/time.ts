/**
 * Date helpers for the app. The Shanghai calendar itself (today, formatting, day arithmetic) has one home in
 * `shared/src/domain/shanghai-date.ts`; what stays here is only how NutUI's date picker (local-time fields)
 * meets our `YYYY-MM-DD` strings.
 */
import { formatShanghaiDate } from '@fangxin/shared'

export { addDays, formatShanghaiTime, shanghaiToday } from '@fangxin/shared'

/**
 * The Shanghai calendar day of an instant the server sent (`2026-11-28T17:30:00.000Z` → 2026-11-29), for
 * where only the day matters. Never cut the day out of the ISO text: that is the UTC day, a day early for
 * anything between 00:00 and 08:00 Beijing time. Empty for nothing; the raw text when it is not a date.
 */
export function shanghaiDayOf(iso: string | undefined): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : formatShanghaiDate(new Date(ms))
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** A `YYYY-MM-DD` date as a Date at local noon (what NutUI's date picker works with). */
export function isoDateToPickerDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d, 12)
}

/** The date a picker shows (local fields), as `YYYY-MM-DD`. */
export function pickerDateToIso(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`
}
