import { followUpLine } from '../src/lib/follow-up'
import { shanghaiDayOf } from '../src/lib/time'

describe('the day of an instant, in Beijing time', () => {
  it('is the next calendar day for anything from 00:00 to 08:00 Beijing time (UTC the evening before)', () => {
    // 2026-11-29 01:30 in Beijing.
    expect(shanghaiDayOf('2026-11-28T17:30:00.000Z')).toBe('2026-11-29')
    expect(shanghaiDayOf('2026-12-31T16:00:00Z')).toBe('2027-01-01')
  })

  it('is the same day for the rest of the day', () => {
    expect(shanghaiDayOf('2026-11-29T02:00:00Z')).toBe('2026-11-29')
    expect(shanghaiDayOf('2026-11-29T15:59:59Z')).toBe('2026-11-29')
  })

  it('reads an instant written with its offset', () => {
    expect(shanghaiDayOf('2026-11-29T00:10:00+08:00')).toBe('2026-11-29')
  })

  it('is empty for nothing, and the raw text for what is not a date', () => {
    expect(shanghaiDayOf(undefined)).toBe('')
    expect(shanghaiDayOf('')).toBe('')
    expect(shanghaiDayOf('不详')).toBe('不详')
  })

  it('dates a 回访 line by the Beijing day', () => {
    expect(followUpLine({ closedAt: '2026-03-01T20:00:00Z', dueAt: '2026-03-08T20:00:00Z', attempts: 0 })).toBe('2026-03-02 办结 · 2026-03-09 起待回访 · 尚未回访')
  })
})
