import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiGatewayEvent } from './api-gateway-event';

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
    headers: { ...(request.token ? { authorization: `Bearer ${request.token}` } : {}), ...request.headers },
    ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
  });
  if (request.query) {
    event.queryStringParameters = request.query;
    event.rawQueryString = new URLSearchParams(request.query).toString();
  }
  const result = await handler(event);
  return { status: result.statusCode ?? 0, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) as T };
}
