import { randomUUID } from 'node:crypto';

// Runs before each test file's modules load, so the store's config() picks up this suite's own table.
process.env.TABLE_NAME = `it-${randomUUID()}`;

// Routine info lines (one per delivery, per sweep…) would bury the test report; warnings and errors stay.
process.env.LOG_LEVEL ??= 'warn';
