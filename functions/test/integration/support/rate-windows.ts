/**
 * Rate limits count hits in fixed windows that start on the hour (a day's starts at Shanghai's midnight, on
 * the hour too: store/rate-limits.ts). A suite that counts hits up to a limit on the real clock must not cross
 * a window's end part-way, or the count starts again and the hit that should be refused passes. So such a suite
 * starts with at least `seconds` of the hour left, waiting for the next hour when fewer remain. The default is
 * twice the longest such suite seen on a busy CI machine (the hostile suite, 93 s).
 */
export function countWithinOneRateWindow(seconds = 180): void {
  beforeAll(async () => {
    const untilNextHour = 3_600_000 - (Date.now() % 3_600_000);
    if (untilNextHour < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, untilNextHour + 1000));
  }, (seconds + 10) * 1000);
}
