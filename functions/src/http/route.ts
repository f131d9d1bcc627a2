import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { DomainError, Invalid, type ApiErrorBody, type RouteContract } from '@fangxin/shared';
import { log } from './log';

const STATUS_BY_CODE: Record<ApiErrorBody['code'], number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

export interface RouteRequest<P extends z.ZodType> {
  pathParams: z.output<P>;
  event: APIGatewayProxyEventV2;
}

export interface RouteOptions {
  /** `Cache-Control` for successful answers; defaults to no-store. */
  cacheControl?: string;
}

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The API edge: binds a route contract from `shared/` to a use case. It parses the request with the
 * contract's schemas, runs the use case, checks the answer against the contract, and maps every error to
 * `{ code, message, field?, correlationId? }` once, here — handlers hold no try/catch of their own.
 */
export function httpRoute<P extends z.ZodType, R extends z.ZodType>(
  contract: RouteContract<P, R>,
  handle: (request: RouteRequest<P>) => Promise<z.input<R>>,
  options: RouteOptions = {},
): Handler {
  if (contract.access !== 'public') {
    // Authenticated routes need the sign-in layer; refusing here keeps a route from going live unprotected.
    throw new Error(`route ${contract.path} declares access '${contract.access}', which this edge cannot authenticate yet`);
  }
  return async (event) => {
    const correlationId = event.requestContext?.requestId ?? 'local';
    try {
      const pathParams = parseOrInvalid(contract.pathParams, event.pathParameters ?? {});
      const body = contract.response.parse(await handle({ pathParams, event }));
      return json(200, body, { 'cache-control': options.cacheControl ?? 'no-store' });
    } catch (error) {
      return errorResponse(error, correlationId, contract.path);
    }
  };
}

function parseOrInvalid<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  throw new Invalid(first?.message ?? '请求内容有误', first?.path.join('.') || undefined);
}

function errorResponse(error: unknown, correlationId: string, path: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof DomainError) {
    const body: ApiErrorBody = { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
    return json(STATUS_BY_CODE[error.code], body);
  }
  log('error', 'unhandled error', {
    correlationId,
    path,
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
  });
  const body: ApiErrorBody = { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试', correlationId };
  return json(500, body);
}

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}
