import { countPendingEvents } from '../../../src/use-cases/count-events';

/**
 * Applies every pending event count now, as the scheduled catch-up does (without its one-minute grace):
 * counters follow from the events after the commit, so a test that reads them applies them first.
 */
export async function applyPendingCounts(): Promise<number> {
  let applied = 0;
  for (;;) {
    const result = await countPendingEvents(new Date(), { graceMs: 0, limit: 500 });
    applied += result.counted;
    if (result.examined === 0) return applied;
  }
}
