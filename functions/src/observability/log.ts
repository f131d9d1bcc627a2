import { AsyncLocalStorage } from 'node:async_hooks';
import { maskPhonesIn } from '@fangxin/shared';

/**
 * Structured one-line JSON logs (CloudWatch Logs Insights reads the fields). Every line written while a
 * request, a scheduled run or a stream batch is being handled carries that invocation's context — above
 * all its `correlationId`, the id an API error answer quotes to the person — however deep in the use
 * cases and the store it is written, and across the `await`s in between (AsyncLocalStorage, so two
 * requests served side by side by serverless-offline never mix their ids).
 *
 * Never log request bodies or free text: they carry personal data. As a last guard, every mobile number
 * that still reaches a line (an error message quoting a value, a field someone forgot) is masked before it
 * is written: no log line holds a whole phone number (docs/privacy.md).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** What the invocation being handled contributes to each of its lines. */
export interface LogContext {
  correlationId: string;
  /** The route path, the schedule or the stream that started the work. */
  source?: string;
  [field: string]: unknown;
}

const context = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `fields` on every line it logs (nested calls add to the context they inherit). */
export function withLogContext<T>(fields: LogContext, work: () => Promise<T>): Promise<T> {
  return context.run({ ...context.getStore(), ...fields }, work);
}

/** The correlation id of the invocation being handled, if any. */
export const currentCorrelationId = (): string | undefined => context.getStore()?.correlationId;

function write(level: LogLevel, message: string, fields: Record<string, unknown>): void {
  // LOG_LEVEL (the Lambda convention) quiets routine lines, e.g. in load and chaos runs.
  const threshold = RANK[(process.env.LOG_LEVEL ?? 'info').toLowerCase() as LogLevel] ?? RANK.info;
  if (RANK[level] < threshold) return;
  const line = maskPhonesIn(JSON.stringify({
    level,
    message,
    time: new Date().toISOString(),
    ...(process.env.AWS_LAMBDA_FUNCTION_NAME ? { function: process.env.AWS_LAMBDA_FUNCTION_NAME } : {}),
    ...context.getStore(),
    ...fields,
  }));
  if (level === 'error') console.error(line);
  else console.log(line);
}

/** The product's logger: `logger.warn('wxacode unavailable', { merchantId })`. */
export const logger = {
  debug: (message: string, fields: Record<string, unknown> = {}) => write('debug', message, fields),
  info: (message: string, fields: Record<string, unknown> = {}) => write('info', message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write('warn', message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => write('error', message, fields),
};
