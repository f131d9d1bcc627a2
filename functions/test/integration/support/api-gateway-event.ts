import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { randomUUID } from 'node:crypto';

/**
 * A real API Gateway HTTP API (payload 2.0) event, as the service sends it to Lambda for `routeKey`.
 * Path parameters arrive URL-decoded, as API Gateway passes them.
 */
export function apiGatewayEvent(options: {
  method: string;
  routePath: string;
  pathParameters?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}): APIGatewayProxyEventV2 {
  const rawPath = options.routePath.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(options.pathParameters?.[name] ?? ''),
  );
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: `${options.method} ${options.routePath}`,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'api.example.test', 'user-agent': 'jest', ...options.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'testapi',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method: options.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId,
      routeKey: `${options.method} ${options.routePath}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
  };
}
