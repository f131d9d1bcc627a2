import { randomUUID } from 'node:crypto';

// Runs before each test file's modules load, so the store's config() picks up this suite's own table.
process.env.TABLE_NAME = `it-${randomUUID()}`;

// Most suites file many complaints as one person against one shop to test something else: the filing limits
// are raised for them, as a deployment may (FANGXIN_RATE_LIMITS). The hostile suite restores the defaults.
process.env.FANGXIN_RATE_LIMITS ??= JSON.stringify({ filingPerPerson: 100_000, filingPerPersonShop: 100_000, filingPerShop: 100_000, stationFiling: 100_000, upload: 100_000 });

// Routine info lines (one per delivery, per sweep…) would bury the test report; warnings and errors stay.
process.env.LOG_LEVEL ??= 'warn';
