import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { withLogContext } from './log';

/**
 * Wraps a scheduled or stream handler so every line it logs carries the invocation's id (Lambda's
 * `awsRequestId`; a fresh one where no context is given, as in the local runners) and what started it.
 */
export function invocation<E, R>(
  source: string,
  handle: (event: E, run: { endsAt?: number }) => Promise<R>,
): (event?: E, context?: Pick<Context, 'awsRequestId'> & Partial<Pick<Context, 'getRemainingTimeInMillis'>>) => Promise<R> {
  // A schedule's event carries nothing the jobs read, so callers (and the local runners) may omit it.
  return (event, context) => {
    // When Lambda will stop this invocation (epoch ms), for jobs that must stop work before then; none locally.
    const endsAt = context?.getRemainingTimeInMillis ? Date.now() + context.getRemainingTimeInMillis() : undefined;
    return withLogContext({ correlationId: context?.awsRequestId ?? randomUUID(), source }, () => handle(event as E, endsAt === undefined ? {} : { endsAt }));
  };
}
