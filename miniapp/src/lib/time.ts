/**
 * Shanghai-time display helpers. China has one zone (UTC+8, no daylight saving), so the arithmetic uses a
 * fixed offset and UTC getters and never depends on the phone's own zone setting.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

const pad2 = (n: number) => String(n).padStart(2, '0')

function shanghaiParts(instant: Date) {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS)
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hours: local.getUTCHours(),
    minutes: local.getUTCMinutes()
  }
}

/** `2025-10-09 14:30` in Shanghai time, or the raw text when it is not a date. */
export function formatShanghaiTime(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const p = shanghaiParts(new Date(ms))
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hours)}:${pad2(p.minutes)}`
}

/** Today's date in Shanghai, `YYYY-MM-DD`. */
export function shanghaiToday(now: Date = new Date()): string {
  const p = shanghaiParts(now)
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`
}

/** A `YYYY-MM-DD` date moved by whole days. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const moved = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS)
  return `${moved.getUTCFullYear()}-${pad2(moved.getUTCMonth() + 1)}-${pad2(moved.getUTCDate())}`
}

/** A `YYYY-MM-DD` date as a Date at local noon (what NutUI's date picker works with). */
export function isoDateToPickerDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d, 12)
}

/** The date a picker shows (local fields), as `YYYY-MM-DD`. */
export function pickerDateToIso(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`
}
