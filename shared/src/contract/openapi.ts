import * as z from 'zod/mini';
import * as auth from './auth';
import * as complaint from './complaint';
import * as inspection from './inspection';
import { ApiErrorBody, STATUS_BY_ERROR_CODE, type ErrorCode } from './errors';

export { STATUS_BY_ERROR_CODE };
import * as merchant from './merchant';
import * as notifications from './notifications';
import * as registry from './registry';
import { allRoutes } from './all-routes';
import { errorCodesOf, type RouteContract } from './routes';

/**
 * The published API document (OpenAPI 3.1), generated from the one wire contract — never written by hand.
 * `npm run openapi` writes it to docs/openapi.json; a unit test fails when the committed copy is stale.
 * Not exported from the package index: the mini-program never needs it.
 */

const ERROR_DESCRIPTIONS: Record<ErrorCode, string> = {
  INVALID: '请求内容有误（message 为中文说明，field 指出出错的字段）',
  UNAUTHENTICATED: '未登录或登录已过期',
  FORBIDDEN: '无权进行此操作',
  NOT_FOUND: '资源不存在，或与调用者无关（两者答复相同）',
  CONFLICT: '与当前状态冲突（他人刚刚更新、重复提交等），刷新后再试',
  RATE_LIMITED: '请求过于频繁，按 Retry-After 稍后再试',
  TOO_LARGE: '请求内容超过 64 KB（照片请经上传地址直传存储）',
  UNSUPPORTED_MEDIA_TYPE: '请求内容须为 JSON（Content-Type: application/json）',
  UNAVAILABLE: '系统繁忙或第三方服务不可用，按 Retry-After 稍后再试',
  INTERNAL: '服务器内部错误（附 correlationId）',
};

type JsonSchema = Record<string, unknown>;

/**
 * The contract's named object schemas, by their export names: answers refer to them as components
 * instead of repeating them (a complaint view appears in many answers).
 */
const NAMED = z.registry<{ id: string }>();
for (const module of [auth, complaint, inspection, merchant, notifications, registry]) {
  for (const [name, value] of Object.entries(module)) {
    if (value instanceof z.ZodMiniObject && !NAMED.has(value)) NAMED.add(value, { id: name });
  }
}
const COMPONENT_REF = '#/components/schemas/';

const withoutDialect = ({ $schema: _dialect, $id: _id, ...rest }: JsonSchema): JsonSchema => rest;

/** Requests are inlined as the client sends them (`input`); answers use the shared components (`output`). */
const schemaOf = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  if (io === 'input') return withoutDialect(z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema);
  const id = NAMED.get(schema)?.id;
  if (id) return { $ref: `${COMPONENT_REF}${id}` };
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', metadata: NAMED } as never) as JsonSchema;
  const { $defs: _defs, ...rest } = withoutDialect(json);
  void _defs;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${COMPONENT_REF}`)) as JsonSchema;
};

function components(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(NAMED, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', uri: (id) => `${COMPONENT_REF}${id}` });
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)).map(([id, schema]) => [id, withoutDialect(schema as JsonSchema)]));
}

/** Path or query parameters from an object schema: one parameter per property. */
function parametersOf(schema: z.ZodMiniType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function errorResponses(route: RouteContract): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(route)) {
    const status = STATUS_BY_ERROR_CODE[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const body = withoutDialect(z.toJSONSchema(ApiErrorBody, { target: 'draft-2020-12' }) as JsonSchema) as { properties: Record<string, JsonSchema> };
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => [
        String(status),
        {
          description: codes.map((code) => `${code}: ${ERROR_DESCRIPTIONS[code]}`).join('；'),
          ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: '秒' } } } : {}),
          content: {
            'application/json': { schema: { ...body, properties: { ...body.properties, code: { type: 'string', enum: codes } } } },
          },
        },
      ]),
  );
}

function operationOf(name: string, route: RouteContract): JsonSchema {
  const success = String(route.successStatus ?? 200);
  const parameters = [
    ...parametersOf(route.pathParams, 'path'),
    ...parametersOf(route.query, 'query'),
    ...(route.idempotent
      ? [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' }, description: '同一键重试得到同一结果' }]
      : []),
  ];
  return {
    operationId: name,
    ...(route.summary ? { summary: route.summary } : {}),
    'x-access': route.access,
    ...(route.access === 'public' ? { security: [] } : route.access === 'anyone' ? { security: [{}, { session: [] }] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    responses: {
      [success]: route.file
        ? { description: route.file.filename, content: { [route.file.contentType.split(';')[0]!]: { schema: { type: 'string' } } } }
        : { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } },
      ...errorResponses(route),
    },
  };
}

/** The whole document, routes in contract order. */
export function buildOpenApiDocument(contract: Record<string, RouteContract> = allRoutes): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [name, route] of Object.entries(contract)) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(name, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '放心消费 fangxin API',
      version: '1',
      description:
        '县级放心消费创建：店铺公示、消费投诉全流程、商户登记与监管。由 shared/src/contract 的 zod 契约生成（npm run openapi），请勿手工修改。' +
        ' x-access：public 任何人；user 已登录用户；merchant 已绑定店铺的商家；staff 监管部门工作人员（资源归属另行校验，无关者一律 404）。',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { schemas: components(), securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'POST /auth/login 签发的会话令牌' } } },
    security: [{ session: [] }],
    paths,
  };
}
