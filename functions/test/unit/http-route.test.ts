import * as z from 'zod/mini';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated, type RouteContract } from '@fangxin/shared';
import { httpRoute } from '../../src/http/route';

const contract: RouteContract<z.ZodMiniObject<{ id: z.ZodMiniString }>, z.ZodMiniObject<{ ok: z.ZodMiniBoolean }>> = {
  method: 'GET',
  path: '/things/{id}',
  access: 'public',
  pathParams: z.object({ id: z.string().check(z.maxLength(3, { error: '编号过长' })) }),
  response: z.object({ ok: z.boolean() }),
};

const event = (id: string) =>
  ({ pathParameters: { id }, requestContext: { requestId: 'req-1' } }) as unknown as APIGatewayProxyEventV2;

async function call(handle: () => Promise<unknown>, id = 'a') {
  const result = (await httpRoute(contract, handle as never)(event(id))) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, body: JSON.parse(String(result.body)) };
}

describe('API edge', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [new Invalid('金额格式不正确', 'amount'), 400, { code: 'INVALID', message: '金额格式不正确', field: 'amount' }],
    [new Unauthenticated('请先登录'), 401, { code: 'UNAUTHENTICATED', message: '请先登录' }],
    [new Forbidden('无权操作'), 403, { code: 'FORBIDDEN', message: '无权操作' }],
    [new NotFound('未找到'), 404, { code: 'NOT_FOUND', message: '未找到' }],
    [new Conflict('已被他人处理，请刷新'), 409, { code: 'CONFLICT', message: '已被他人处理，请刷新' }],
  ])('maps %p to its status once, at the edge', async (error, status, body) => {
    expect(await call(() => Promise.reject(error))).toEqual({ status, body });
  });

  it('answers 400 naming the field when path parameters break the contract, without running the use case', async () => {
    const useCase = jest.fn();
    expect(await call(useCase, 'abcd')).toEqual({ status: 400, body: { code: 'INVALID', message: '编号过长', field: 'id' } });
    expect(useCase).not.toHaveBeenCalled();
  });

  it.each([
    ['ThrottlingException', {}],
    ['ProvisionedThroughputExceededException', {}],
    ['InternalServerError', {}],
    ['TransactionCanceledException', { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError' }] }],
  ])('tells the app to retry (503, Retry-After) when the store stays busy through the SDK’s retries: %s', async (name, extra) => {
    const error = Object.assign(new Error('busy'), { name }, extra);
    const result = (await httpRoute(contract, (() => Promise.reject(error)) as never)(event('a'))) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('2');
    expect(JSON.parse(String(result.body))).toMatchObject({ code: 'UNAVAILABLE', message: '系统繁忙，请稍后重试' });
  });

  it('does not mistake a failed condition in a transaction for a busy store', async () => {
    const error = Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'ThrottlingError' }] });
    expect((await call(() => Promise.reject(error))).status).toBe(500);
  });

  it('hides unknown errors behind a generic 500 that carries the request id', async () => {
    const result = await call(() => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3')));
    expect(result).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试', correlationId: 'req-1' },
    });
  });

  it('every answer, success, refusal, failure or file, tells the browser not to sniff, frame or pass the address on', async () => {
    const headersOf = async (route: RouteContract, handle: () => Promise<unknown>, id = 'a') =>
      ((await httpRoute(route, handle as never)(event(id))) as APIGatewayProxyStructuredResultV2).headers ?? {};
    const csv = { ...contract, response: z.string(), file: { contentType: 'text/csv; charset=utf-8', filename: 'list.csv' } } as unknown as RouteContract;
    const answers = [
      await headersOf(contract, () => Promise.resolve({ ok: true })),
      await headersOf(contract, jest.fn(), 'abcd'),
      await headersOf(contract, () => Promise.reject(new Error('boom'))),
      await headersOf(contract, () => Promise.reject(Object.assign(new Error('busy'), { name: 'ThrottlingException' }))),
      await headersOf(csv, () => Promise.resolve('"a","b"')),
    ];
    for (const headers of answers) {
      expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
    }
    expect(answers[4]).toMatchObject({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="list.csv"' });
  });

  it('refuses to answer with a body that breaks the response contract', async () => {
    expect((await call(() => Promise.resolve({ ok: 'yes' }))).status).toBe(500);
  });

  it('answers 401 on a signed-in route called without a token, before running the use case', async () => {
    const useCase = jest.fn();
    const result = (await httpRoute({ ...contract, access: 'user' }, useCase)(event('a'))) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(String(result.body))).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(useCase).not.toHaveBeenCalled();
  });
});
