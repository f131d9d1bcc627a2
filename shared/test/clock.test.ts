import * as fc from 'fast-check';
import {
  CLOCK_PRESETS,
  ClockRules,
  DEFAULT_CLOCK_RULES,
  Duration,
  calendarKnowsYear,
  describeDeadline,
  dueAt,
  formatShanghaiDate,
  isOverdue,
  isShanghaiWorkingDay,
  shanghaiToday,
} from '../src/domain/clock';
import { Invalid } from '../src/domain/errors';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** An instant given as Shanghai wall-clock time, e.g. `at('2026-09-30T10:00')`. */
const at = (shanghaiLocal: string): Date => new Date(`${shanghaiLocal}+08:00`);
/** 23:59:59.999 Shanghai on a date. */
const endOf = (isoDate: string): Date => new Date(`${isoDate}T23:59:59.999+08:00`);
/** The Shanghai wall clock of an instant, computed independently of the module under test. */
const shanghaiClock = (d: Date): string => new Date(d.getTime() + 8 * HOUR_MS).toISOString().slice(11, 23);
const workingDays = (amount: number): Duration => ({ amount, unit: 'working_days' });
const days = (amount: number): Duration => ({ amount, unit: 'days' });

/** Noon (Shanghai) of each day strictly between two instants' Shanghai days. */
function daysStrictlyBetween(from: Date, to: Date): Date[] {
  const noons: Date[] = [];
  let cursor = at(`${formatShanghaiDate(from)}T12:00`);
  const last = formatShanghaiDate(to);
  for (;;) {
    cursor = new Date(cursor.getTime() + DAY_MS);
    // ISO dates compare as strings; `>=` also ends the walk when `to` is not after `from`.
    if (formatShanghaiDate(cursor) >= last) return noons;
    noons.push(cursor);
  }
}

describe('working days follow the 2026 State Council holiday notice (2025-11-04)', () => {
  // Transcribed from the notice itself, not from the library: 元旦 1/1–3 (1/4 上班); 春节 2/15–23 (2/14, 2/28 上班);
  // 清明 4/4–6; 劳动节 5/1–5 (5/9 上班); 端午 6/19–21; 中秋 9/25–27; 国庆 10/1–7 (9/20, 10/10 上班).
  const ranges: Array<[string, number]> = [
    ['2026-01-01', 3],
    ['2026-02-15', 9],
    ['2026-04-04', 3],
    ['2026-05-01', 5],
    ['2026-06-19', 3],
    ['2026-09-25', 3],
    ['2026-10-01', 7],
  ];
  const holidays = new Set(
    ranges.flatMap(([start, length]) =>
      Array.from({ length }, (_, i) =>
        new Date(Date.parse(`${start}T00:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10),
      ),
    ),
  );
  const makeUpDays = new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);

  it('agrees with the notice on every day of 2026', () => {
    const disagreements: string[] = [];
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += DAY_MS) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const weekday = new Date(t).getUTCDay();
      const expected = makeUpDays.has(iso) || (weekday >= 1 && weekday <= 5 && !holidays.has(iso));
      if (isShanghaiWorkingDay(at(`${iso}T12:00`)) !== expected) disagreements.push(iso);
    }
    expect(disagreements).toEqual([]);
  });

  it('knows 2004–2026 and admits it does not know earlier or later years', () => {
    expect(calendarKnowsYear(2004)).toBe(true);
    expect(calendarKnowsYear(2025)).toBe(true);
    expect(calendarKnowsYear(2026)).toBe(true);
    expect(calendarKnowsYear(2003)).toBe(false);
    expect(calendarKnowsYear(2027)).toBe(false);
    expect(calendarKnowsYear(2030)).toBe(false);
  });
});

describe('dueAt — working days around 国庆 2026', () => {
  it('a filing on Wed 9-30 gets one working day ending Thu 10-08, the first day after the 10-01..07 holiday', () => {
    expect(dueAt(at('2026-09-30T10:00'), workingDays(1))).toEqual(endOf('2026-10-08'));
  });

  it('counts the 调休 Saturday 10-10 as a working day for a filing on Fri 10-09', () => {
    expect(dueAt(at('2026-10-09T16:00'), workingDays(1))).toEqual(endOf('2026-10-10'));
  });

  it('a filing on the 调休 Saturday 10-10 does not count that day and ends on Mon 10-12', () => {
    expect(dueAt(at('2026-10-10T09:00'), workingDays(1))).toEqual(endOf('2026-10-12'));
  });

  it('counts Sun 9-20 (调休) as a working day for a filing on Sat 9-19', () => {
    expect(dueAt(at('2026-09-19T11:00'), workingDays(1))).toEqual(endOf('2026-09-20'));
  });

  it('three working days from 9-30 are 10-08, 10-09 and the 调休 Saturday 10-10', () => {
    expect(dueAt(at('2026-09-30T10:00'), workingDays(3))).toEqual(endOf('2026-10-10'));
  });

  it('skips 中秋 9-25 (a Friday): one working day from Thu 9-24 ends Mon 9-28', () => {
    expect(dueAt(at('2026-09-24T10:00'), workingDays(1))).toEqual(endOf('2026-09-28'));
  });
});

describe('dueAt — working days around 春节 2026', () => {
  it('a filing on Fri 2-13 gets one working day ending on the 调休 Saturday 2-14', () => {
    expect(dueAt(at('2026-02-13T10:00'), workingDays(1))).toEqual(endOf('2026-02-14'));
  });

  it('a filing on the evening of 2-14 waits out 2-15..23 and ends Tue 2-24', () => {
    expect(dueAt(at('2026-02-14T20:30'), workingDays(1))).toEqual(endOf('2026-02-24'));
  });

  it('seven working days from Fri 2-13 are 2-14, 2-24..27, the 调休 Saturday 2-28 and Mon 3-02', () => {
    expect(dueAt(at('2026-02-13T10:00'), workingDays(7))).toEqual(endOf('2026-03-02'));
  });
});

describe('dueAt — calendar days (民法典第二百零三条)', () => {
  it('three days ending on a working day end that day', () => {
    expect(dueAt(at('2026-03-02T10:00'), days(3))).toEqual(endOf('2026-03-05'));
  });

  it('three days ending in the 国庆 holiday move to the next working day, 10-08', () => {
    expect(dueAt(at('2026-09-28T10:00'), days(3))).toEqual(endOf('2026-10-08'));
  });

  it('three days ending on an ordinary Saturday move to Monday', () => {
    expect(dueAt(at('2026-03-04T10:00'), days(3))).toEqual(endOf('2026-03-09'));
  });

  it('three days ending on the 调休 Saturday 2-28 are not extended, because that Saturday is a working day', () => {
    expect(dueAt(at('2026-02-25T10:00'), days(3))).toEqual(endOf('2026-02-28'));
  });
});

describe('dueAt — the day boundary is Shanghai midnight, not UTC midnight', () => {
  it('a filing at 2026-03-02T17:00Z is already Tuesday 01:00 in Shanghai, so one working day ends Wednesday', () => {
    const filed = new Date('2026-03-02T17:00:00Z');
    expect(formatShanghaiDate(filed)).toBe('2026-03-03');
    expect(dueAt(filed, workingDays(1))).toEqual(endOf('2026-03-04'));
    expect(dueAt(filed, workingDays(1)).toISOString()).toBe('2026-03-04T15:59:59.999Z');
  });

  it('a filing at 2026-03-02T15:59:59.999Z is still Monday in Shanghai, so one working day ends Tuesday', () => {
    expect(dueAt(new Date('2026-03-02T15:59:59.999Z'), workingDays(1))).toEqual(endOf('2026-03-03'));
  });
});

describe('dueAt — statutory mediation clocks from a given acceptance', () => {
  // 中秋 9-25 and 国庆 10-01..07 skipped; the 调休 days 9-20 and 10-10 counted.
  it('Order 20: 45 working days from acceptance on Tue 2026-09-01 end Mon 2026-11-09', () => {
    expect(dueAt(at('2026-09-01T10:00'), CLOCK_PRESETS.samr_order_20.mediation)).toEqual(endOf('2026-11-09'));
  });

  it('Order 121: 60 days from acceptance on 2026-09-01 reach Sat 10-31 and move to Mon 11-02', () => {
    expect(dueAt(at('2026-09-01T10:00'), CLOCK_PRESETS.samr_order_121.mediation)).toEqual(endOf('2026-11-02'));
  });

  it('Order 121: 60 days from acceptance on 2026-08-03 reach 国庆 10-02 and move to 10-08', () => {
    expect(dueAt(at('2026-08-03T10:00'), DEFAULT_CLOCK_RULES.mediation)).toEqual(endOf('2026-10-08'));
  });

  it('both orders give the bureau 7 working days from escalation to decide on acceptance', () => {
    const escalated = at('2026-09-30T18:00');
    // 10-08, 10-09, 10-10 (调休), 10-12, 10-13, 10-14, 10-15
    expect(dueAt(escalated, CLOCK_PRESETS.samr_order_20.acceptDecision)).toEqual(endOf('2026-10-15'));
    expect(dueAt(escalated, CLOCK_PRESETS.samr_order_121.acceptDecision)).toEqual(endOf('2026-10-15'));
  });
});

describe('dueAt — hours and years the calendar does not know', () => {
  it('counts hours exactly, holidays or not', () => {
    const from = at('2026-09-30T10:15');
    expect(dueAt(from, { amount: 48, unit: 'hours' })).toEqual(at('2026-10-02T10:15'));
  });

  it('falls back to Monday–Friday in an unknown year (2030 National Day is not known, so 10-01 counts)', () => {
    expect(dueAt(at('2030-09-30T10:00'), workingDays(1))).toEqual(endOf('2030-10-01'));
    expect(dueAt(at('2030-10-04T10:00'), workingDays(1))).toEqual(endOf('2030-10-07'));
  });

  it('rejects a duration outside 1..365 whole units, and an invalid start, with a named domain error', () => {
    expect(() => dueAt(at('2026-03-02T10:00'), workingDays(0))).toThrow(Invalid);
    expect(() => dueAt(at('2026-03-02T10:00'), days(1.5))).toThrow(Invalid);
    expect(() => dueAt(new Date(Number.NaN), days(1))).toThrow(Invalid);
  });
});

describe('dueAt — properties', () => {
  // Known and unknown years alike, any minute of the day.
  const instant = fc.date({
    min: new Date('2004-01-01T00:00:00Z'),
    max: new Date('2031-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('a working-days deadline ends a working day, has exactly N-1 working days before it, and grows with N', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 364 }), (from, n) => {
        const due = dueAt(from, workingDays(n));
        expect(isShanghaiWorkingDay(due)).toBe(true);
        expect(shanghaiClock(due)).toBe('23:59:59.999');
        expect(daysStrictlyBetween(from, due).filter((noon) => isShanghaiWorkingDay(noon))).toHaveLength(n - 1);
        expect(dueAt(from, workingDays(n + 1)).getTime()).toBeGreaterThan(due.getTime());
      }),
      { numRuns: 60 },
    );
  });

  // The machine's TZ cannot be switched inside jest (process.env is a copy), so pin what a TZ leak would break.
  it('uses only the Shanghai clock: ≥ N days later, ends 23:59:59.999 Shanghai, same for all of that Shanghai day', () => {
    const dayUnits = fc.constantFrom<Duration['unit']>('working_days', 'days');
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), dayUnits, (from, n, unit) => {
        const due = dueAt(from, { amount: n, unit });
        expect(due.getTime() - from.getTime()).toBeGreaterThanOrEqual(n * DAY_MS);
        expect(shanghaiClock(due)).toBe('23:59:59.999');
        const day = formatShanghaiDate(from);
        expect(dueAt(at(`${day}T00:00`), { amount: n, unit })).toEqual(due);
        expect(dueAt(new Date(at(`${day}T00:00`).getTime() + DAY_MS - 1), { amount: n, unit })).toEqual(due);
      }),
    );
  });

  it('a calendar-days deadline is never before from + N days and is the first working day from that day on', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 365 }), (from, n) => {
        const due = dueAt(from, days(n));
        expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime() + n * DAY_MS);
        expect(isShanghaiWorkingDay(due)).toBe(true);
        const lastDay = new Date(at(`${formatShanghaiDate(from)}T12:00`).getTime() + n * DAY_MS);
        if (formatShanghaiDate(lastDay) === formatShanghaiDate(due)) {
          expect(due).toEqual(endOf(formatShanghaiDate(lastDay)));
        } else {
          expect(formatShanghaiDate(due) > formatShanghaiDate(lastDay)).toBe(true);
          expect([lastDay, ...daysStrictlyBetween(lastDay, due)].filter((noon) => isShanghaiWorkingDay(noon))).toEqual([]);
        }
      }),
    );
  });
});

describe('describeDeadline', () => {
  const due = endOf('2026-10-09');

  it('shows the day, weekday and 24:00 with days left', () => {
    expect(describeDeadline(due, at('2026-10-07T10:00'))).toEqual({
      text: '10月9日（周五）24:00 前，还剩 2 天',
      overdue: false,
      remainingMs: due.getTime() - at('2026-10-07T10:00').getTime(),
    });
  });

  it('says 今天到期 on the last day, up to the last millisecond', () => {
    expect(describeDeadline(due, at('2026-10-09T08:00')).text).toBe('10月9日（周五）24:00 前，今天到期');
    expect(describeDeadline(due, due)).toMatchObject({ overdue: false, remainingMs: 0, text: '10月9日（周五）24:00 前，今天到期' });
  });

  it('counts overdue time in whole days, else hours, else minutes', () => {
    expect(describeDeadline(due, at('2026-10-13T10:00'))).toMatchObject({
      text: '10月9日（周五）24:00 前，已超期 3 天',
      overdue: true,
    });
    expect(describeDeadline(due, at('2026-10-10T05:30')).text).toBe('10月9日（周五）24:00 前，已超期 5 小时');
    expect(describeDeadline(due, at('2026-10-10T00:10')).text).toBe('10月9日（周五）24:00 前，已超期 10 分钟');
    expect(describeDeadline(due, at('2026-10-10T05:30')).remainingMs).toBe(-(5.5 * HOUR_MS + 1));
  });

  it('shows the exact time of an hours deadline and the year when it is not this year', () => {
    expect(describeDeadline(at('2026-10-09T14:30'), at('2026-10-08T09:00')).text).toBe('10月9日（周五）14:30 前，还剩 1 天');
    expect(describeDeadline(endOf('2027-01-04'), at('2026-12-30T09:00')).text).toBe('2027年1月4日（周一）24:00 前，还剩 5 天');
  });

  it('uses the Shanghai date, not UTC: a deadline at 01:00 Shanghai on 3-03 is 3-03 (still 3-02 in UTC)', () => {
    expect(describeDeadline(new Date('2026-03-02T17:00:00Z'), new Date('2026-03-02T10:00:00Z')).text).toBe(
      '3月3日（周二）01:00 前，还剩 1 天',
    );
  });
});

describe('isOverdue', () => {
  it('is false up to and including the deadline and true one millisecond after', () => {
    const due = endOf('2026-10-08');
    expect(isOverdue(due, new Date(due.getTime() - 1))).toBe(false);
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, new Date(due.getTime() + 1))).toBe(true);
  });
});

describe('Shanghai dates', () => {
  it('turns over at 16:00 UTC', () => {
    expect(formatShanghaiDate(new Date('2026-03-02T15:59:59.999Z'))).toBe('2026-03-02');
    expect(formatShanghaiDate(new Date('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
    expect(shanghaiToday(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});

describe('clock rules', () => {
  it('ships Order 121 as the default and Order 20 as the alternative, with the numbers the rules state', () => {
    expect(DEFAULT_CLOCK_RULES).toBe(CLOCK_PRESETS.samr_order_121);
    expect(CLOCK_PRESETS.samr_order_121).toEqual({
      preset: 'samr_order_121',
      merchantFirstReply: { amount: 1, unit: 'working_days' },
      merchantProposal: { amount: 3, unit: 'working_days' },
      consumerAnswer: { amount: 3, unit: 'days' },
      acceptDecision: { amount: 7, unit: 'working_days' },
      mediation: { amount: 60, unit: 'days' },
      partyNotice: { amount: 3, unit: 'working_days' },
    });
    expect(CLOCK_PRESETS.samr_order_20).toEqual({
      ...CLOCK_PRESETS.samr_order_121,
      preset: 'samr_order_20',
      mediation: { amount: 45, unit: 'working_days' },
    });
    for (const preset of Object.values(CLOCK_PRESETS)) expect(ClockRules.parse(preset)).toEqual(preset);
  });

  it('rules stored before the notice clock existed read with its default', () => {
    const { partyNotice: _notice, ...stored } = CLOCK_PRESETS.samr_order_121;
    expect(ClockRules.parse(stored).partyNotice).toEqual({ amount: 3, unit: 'working_days' });
  });

  it('cannot be changed for everyone by mutating a preset', () => {
    expect(() => {
      (DEFAULT_CLOCK_RULES.mediation as { amount: number }).amount = 1;
    }).toThrow(TypeError);
    expect(DEFAULT_CLOCK_RULES.mediation.amount).toBe(60);
  });

  it('rejects durations an admin might type by mistake, in Chinese', () => {
    const messages = (input: unknown) => Duration.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages({ amount: 0, unit: 'days' })).toEqual(['期限至少为 1']);
    expect(messages({ amount: 366, unit: 'days' })).toEqual(['期限最多为 365']);
    expect(messages({ amount: 2.5, unit: 'days' })).toEqual(['期限须为整数']);
    expect(messages({ amount: 3, unit: 'weeks' })).toEqual(['期限单位须为工作日、自然日或小时']);
    expect(messages({ amount: 3, unit: 'hours' })).toBeUndefined();
  });
});
