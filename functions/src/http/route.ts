import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import {
  DomainError,
  Forbidden,
  RateLimited,
  STATUS_BY_ERROR_CODE,
  Invalid,
  TooLarge,
  Unauthenticated,
  UnsupportedMediaType,
  type ApiErrorBody,
  type RouteContract,
} from '@fangxin/shared';
import { verifyToken, type Principal } from '../auth/token';
import { logger, withLogContext } from '../observability/log';


/** The parsed type of an optional contract schema; `undefined` when the route has none. */
type Infer<S> = [S] extends [undefined] ? undefined : z.output<NonNullable<S> & z.ZodMiniType>;

export interface RouteRequest<C extends RouteContract> {
  pathParams: z.output<C['pathParams']>;
  body: Infer<C['body']>;
  query: Infer<C['query']>;
  /** The caller; present on every route that is not public. */
  principal: C['access'] extends 'public' | 'anyone' ? Principal | undefined : Principal;
  /** `Idempotency-Key` header, on idempotent routes (required there). */
  idempotencyKey: string | undefined;
  now: Date;
  event: APIGatewayProxyEventV2;
}

export interface RouteOptions {
  /** `Cache-Control` for successful answers; defaults to no-store. */
  cacheControl?: string;
}

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The API edge: binds a route contract from `shared/` to a use case. It authenticates the caller as the
 * contract's `access` demands, parses path, query and body with the contract's schemas, runs the use case,
 * checks the answer against the contract, and maps every error to `{ code, message, field?, correlationId? }`
 * once, here — handlers hold no try/catch of their own.
 */
export function httpRoute<C extends RouteContract>(
  contract: C,
  handle: (request: RouteRequest<C>) => Promise<z.input<C['response']>>,
  options: RouteOptions = {},
): Handler {
  return async (event) => {
    const correlationId = event.requestContext?.requestId ?? randomUUID();
    // Every line the request produces, down to the store, carries its correlation id (observability/log.ts).
    return withLogContext({ correlationId, source: `${contract.method} ${contract.path}` }, () =>
      answer(contract, handle, options, event, correlationId),
    );
  };
}

/** One request, inside its log context: authenticate, parse, run the use case, map the outcome. */
async function answer<C extends RouteContract>(
  contract: C,
  handle: (request: RouteRequest<C>) => Promise<z.input<C['response']>>,
  options: RouteOptions,
  event: APIGatewayProxyEventV2,
  correlationId: string,
): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    const now = new Date();
    // The body's size and type are checked before anything reads it, and before the caller is looked up.
    const bodyText = contract.body ? readBodyText(event) : undefined;
    const principal = await authenticate(contract, event, now);
    const pathParams = parseOrInvalid(contract.pathParams, event.pathParameters ?? {});
    const query = contract.query ? parseOrInvalid(contract.query, event.queryStringParameters ?? {}) : undefined;
    const body = contract.body ? parseOrInvalid(contract.body, parseJson(bodyText)) : undefined;
    const idempotencyKey = contract.idempotent ? readIdempotencyKey(event) : undefined;
    const result = contract.response.parse(await handle({ pathParams, query, body, principal, idempotencyKey, now, event } as RouteRequest<C>));
    if (contract.file) {
      // A file route (e.g. a CSV export): the use case returned the file's text.
      return {
        statusCode: 200,
        headers: {
          'content-type': contract.file.contentType,
          'content-disposition': `attachment; filename="${contract.file.filename}"`,
          ...SECURITY_HEADERS,
          // A staff export is private (no-store); a public file may be cached like its JSON sibling.
          'cache-control': options.cacheControl ?? 'no-store',
        },
        body: String(result),
      };
    }
    return json(contract.successStatus ?? 200, result, { 'cache-control': options.cacheControl ?? 'no-store' });
  } catch (error) {
    return errorResponse(error, correlationId);
  }
}

async function authenticate(contract: RouteContract, event: APIGatewayProxyEventV2, now: Date): Promise<Principal | undefined> {
  const header = event.headers?.authorization ?? event.headers?.Authorization;
  if (contract.access === 'public') return undefined;
  // `anyone`: signing in is optional, but a token that is sent must be valid (never silently ignored).
  if (contract.access === 'anyone' && !header) return undefined;
  if (!header?.startsWith('Bearer ')) throw new Unauthenticated('请先登录');
  const principal = await verifyToken(header.slice('Bearer '.length).trim(), now);
  if (contract.access === 'merchant' && principal.roles.merchantIds.length === 0) {
    throw new Forbidden('只有已绑定店铺的商家可以使用此功能');
  }
  if (contract.access === 'staff' && !principal.roles.staff) throw new Forbidden('只有监管部门工作人员可以使用此功能');
  if (contract.access === 'station' && !principal.roles.station) throw new Forbidden('只有投诉站工作人员可以使用此功能');
  return principal;
}

/** The largest JSON body the API reads (photos never pass through it: they go to storage by presigned URL). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * A body route's raw text: over `MAX_BODY_BYTES` is 413 without decoding or parsing it; a body that does not
 * say it is JSON is 415 (a `text/plain` form post is never parsed as JSON). No body reads as `{}`.
 */
function readBodyText(event: APIGatewayProxyEventV2): string | undefined {
  if (!event.body) return undefined;
  // Base64 holds 3 bytes in 4 characters: the decoded size is known before decoding.
  const bytes = event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body, 'utf8');
  if (bytes > MAX_BODY_BYTES) throw new TooLarge('提交的内容过大（超过 64 KB），请精简文字后重试；照片请通过上传按钮添加');
  const contentType = headerOf(event, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') throw new UnsupportedMediaType('请求内容须为 JSON（Content-Type: application/json）');
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Invalid('请求内容不是有效的 JSON');
  }
}

/** A header by name, whatever its case (API Gateway v2 lower-cases; serverless-offline and tests may not). */
function headerOf(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const headers = event.headers ?? {};
  if (headers[name] !== undefined) return headers[name];
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

function readIdempotencyKey(event: APIGatewayProxyEventV2): string {
  const key = event.headers?.['idempotency-key'] ?? event.headers?.['Idempotency-Key'];
  if (!key || !/^[A-Za-z0-9_-]{8,64}$/.test(key)) {
    throw new Invalid('缺少或无效的 Idempotency-Key 请求头（8–64 位字母数字）', 'Idempotency-Key');
  }
  return key;
}

function parseOrInvalid<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  throw new Invalid(first?.message ?? '请求内容有误', first?.path.join('.') || undefined);
}

function errorResponse(error: unknown, correlationId: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const body: ApiErrorBody = { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
    const retryAfter: Record<string, string> =
      error instanceof RateLimited && error.retryAfterSeconds !== undefined ? { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) } : {};
    return json(STATUS_BY_ERROR_CODE[error.code], body, retryAfter);
  }
  if (isStoreBusy(error)) {
    // The store stayed throttled or failing through the SDK's retries: nothing was written (or, if it was,
    // the client's retry with the same Idempotency-Key finds it). Tell the app to try again.
    logger.warn('store busy', { error: (error as Error).name });
    const body: ApiErrorBody = { code: 'UNAVAILABLE', message: '系统繁忙，请稍后重试', correlationId };
    return json(503, body, { 'retry-after': '2' });
  }
  logger.error('unhandled error', {
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
  const body: ApiErrorBody = { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试', correlationId };
  return json(500, body);
}

/**
 * On every answer: a browser must not guess another type than the one declared (a CSV or a JSON body read as
 * HTML), nor show an answer in a frame, nor send the page address (which may hold a complaint id) onwards.
 */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS, ...headers },
    body: JSON.stringify(body),
  };
}

/** DynamoDB's "slow down" and "try again" answers, once the SDK's own retries are spent. */
const STORE_BUSY = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
]);

function isStoreBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (STORE_BUSY.has(error.name)) return true;
  // A cancelled transaction whose reasons are only throttling (no condition failed) is the same case.
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  return error.name === 'TransactionCanceledException' && Array.isArray(reasons) && reasons.some((r) => r.Code === 'ThrottlingError') && reasons.every((r) => !r.Code || r.Code === 'None' || r.Code === 'ThrottlingError');
}
