import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { withLogContext } from './log';

/**
 * Wraps a scheduled or stream handler so every line it logs carries the invocation's id (Lambda's
 * `awsRequestId`; a fresh one where no context is given, as in the local runners) and what started it.
 */
export function invocation<E, R>(
  source: string,
  handle: (event: E) => Promise<R>,
): (event?: E, context?: Pick<Context, 'awsRequestId'>) => Promise<R> {
  // A schedule's event carries nothing the jobs read, so callers (and the local runners) may omit it.
  return (event, context) => withLogContext({ correlationId: context?.awsRequestId ?? randomUUID(), source }, () => handle(event as E));
}
