import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { allRoutes, errorCodesOf, type RouteContract } from '@fangxin/shared';
import { apiGatewayEvent } from './api-gateway-event';

const routeAt = (method: string, routePath: string): RouteContract | undefined =>
  Object.values(allRoutes).find((route) => route.method === method && route.path === routePath);

/**
 * Every answer a test sees is held to the contract: an error must be one the route declares
 * (`errorCodesOf`), so the published API document cannot fall behind what the code does.
 */
function checkAgainstContract(method: string, routePath: string, status: number, body: unknown): void {
  const route = routeAt(method, routePath);
  if (!route || status < 400) return;
  const code = (body as { code?: string } | null)?.code;
  if (!code || !errorCodesOf(route).includes(code as never)) {
    throw new Error(`${method} ${routePath} answered ${status} ${String(code)}, which routes.ts does not declare for it (errors: [...])`);
  }
}

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** Invokes a production handler with a real API Gateway v2 event, as the service would. */
export async function invoke<T = any>(
  handler: Handler,
  request: {
    method: string;
    routePath: string;
    pathParameters?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    token?: string;
    headers?: Record<string, string>;
  },
): Promise<Answer<T>> {
  const event = apiGatewayEvent({
    method: request.method,
    routePath: request.routePath,
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    // A body goes as the app sends it, JSON saying so; a test may send other headers to see them refused.
    headers: { ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(request.token ? { authorization: `Bearer ${request.token}` } : {}), ...request.headers },
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
  });
  if (request.query) {
    event.queryStringParameters = request.query;
    event.rawQueryString = new URLSearchParams(request.query).toString();
  }
  const result = await handler(event);
  const status = result.statusCode ?? 0;
  const contentType = String(result.headers?.['content-type'] ?? '');
  const body = (contentType.startsWith('application/json') ? JSON.parse(String(result.body)) : result.body) as T;
  checkAgainstContract(request.method, request.routePath, status, body);
  return { status, headers: result.headers ?? {}, body };
}
