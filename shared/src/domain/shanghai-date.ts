/**
 * Shanghai calendar dates and times, the one home for both the app and the functions. China keeps one zone
 * (UTC+8, no daylight saving), so the arithmetic uses a fixed offset and UTC getters and never depends on the
 * zone of the machine or the phone. Nothing heavy imported: the mini-program's main package carries it.
 */
import { Invalid } from './errors';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const pad2 = (n: number) => String(n).padStart(2, '0');

function shanghaiFields(instant: Date) {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hours: local.getUTCHours(),
    minutes: local.getUTCMinutes(),
  };
}

/** The Shanghai calendar date of an instant, as `YYYY-MM-DD`; throws on an invalid date. */
export function formatShanghaiDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new Invalid('时间无效，请刷新后重试', 'date');
  const p = shanghaiFields(instant);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/**
 * Today in Shanghai as `YYYY-MM-DD` (purchase dates and effective dates are checked against it). ISO dates
 * compare correctly as strings, so `purchaseDate <= shanghaiToday(now)` is enough.
 */
export function shanghaiToday(now: Date): string {
  return formatShanghaiDate(now);
}

/** `2025-10-09 14:30` in Shanghai time, or the raw text when it is not a date. */
export function formatShanghaiTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const p = shanghaiFields(new Date(ms));
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hours)}:${pad2(p.minutes)}`;
}

/** A `YYYY-MM-DD` date moved by whole days. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}
