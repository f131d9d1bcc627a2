/**
 * A dispatcher in a process of its own, for the crash test: it delivers one outbox item and is killed
 * mid-way by the test. Runs with the test worker's environment (table, endpoints).
 */
import { deliverOutboxItem } from '../../../src/use-cases/deliver-notifications';

const outboxId = process.argv[2];
if (!outboxId) throw new Error('usage: deliver-once <outboxId>');
void deliverOutboxItem(outboxId).then((result) => {
  process.stdout.write(`${result}\n`);
});
