import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ApiErrorBody, MerchantPublicView, type Merchant } from '@fangxin/shared';
import { handler } from '../../src/handlers/merchants/get-merchant';
import { saveMerchant } from '../../src/store/merchants';
import { dynamoDbClient } from '../../src/clients';
import { config } from '../../src/config';
import { apiGatewayEvent } from './support/api-gateway-event';
import { countDynamoDbRequests } from './support/request-counter';
import { useFreshTable } from './support/table';
import { SHOP_A } from './support/people';

useFreshTable();

const shop = (overrides: Partial<Merchant>): Merchant => ({
  ...SHOP_A,
  id: 'QHTEST0001',
  name: '清河县测试百货商店',
  commitments: [
    { kind: 'catalogue', code: 'advance_compensation' },
    { kind: 'catalogue', code: 'offline_no_reason_return', days: 30 },
    { kind: 'custom', title: '免费包装', text: '所售礼品一律免费包装。' },
  ],
  ...overrides,
});

async function get(id: string): Promise<{ status: number; headers: Record<string, unknown>; body: unknown }> {
  const result = (await handler(
    apiGatewayEvent({ method: 'GET', routePath: '/merchants/{id}', pathParameters: { id } }),
  )) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode ?? 0, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) };
}

const requests = countDynamoDbRequests(dynamoDbClient);

beforeAll(async () => {
  await saveMerchant(shop({}));
  await saveMerchant(shop({ id: 'QHMODEL001', type: 'individual', badge: { kind: 'model', year: 2025 } }));
  await saveMerchant(shop({ id: 'QHSUSP0001', status: 'suspended', badge: { kind: 'model', year: 2025 } }));
  await saveMerchant(shop({ id: 'QHREVOKED1', status: 'revoked' }));
  await saveMerchant(shop({ id: 'QHPENDING1', status: 'pending', badge: undefined }));
  await saveMerchant(shop({ id: 'QHREJECT01', status: 'rejected', badge: undefined }));
});

beforeEach(() => requests.reset());

describe('GET /merchants/{id} — the QR scan', () => {
  it('returns the profile, badge, commitments with their plain meaning and the record, for one Query', async () => {
    const { status, headers, body } = await get('QHTEST0001');

    expect(status).toBe(200);
    expect(requests.commands).toEqual(['QueryCommand']);
    expect(headers['cache-control']).toBe('public, max-age=60');
    const view = MerchantPublicView.parse(body);
    expect(view).toMatchObject({
      id: 'QHTEST0001',
      name: '清河县测试百货商店',
      typeLabel: '企业',
      sectorLabel: '商超零售',
      townName: '城关镇',
      areaTypeLabel: '商圈街区',
      status: 'active',
      badge: { kind: 'participant', label: '放心消费参创单位' },
      commitmentsSince: '2025-03-15',
      recallsInForce: 0,
    });
    expect(view.statusNotice).toBeUndefined();
    expect(view.commitments.map((c) => c.title)).toEqual(['先行赔付', '30天线下无理由退货', '免费包装']);
    expect(view.commitments[1]?.explanation).toContain('30 天内可无理由退货');
    expect(view.commitments[0]?.legalBasis).toContain('消费者权益保护法');
    expect(view.commitments[2]).toMatchObject({ custom: true, explanation: '所售礼品一律免费包装。' });
    expect(view.trackRecord).toMatchObject({ complaints: 0, summary: '近12个月暂无投诉', settledInShopShare: null });
  });

  it('names the 示范 award with its year and the shop type', async () => {
    const { body } = await get('QHMODEL001');
    expect(MerchantPublicView.parse(body).badge).toEqual({ kind: 'model', label: '2025年度放心消费示范个体户' });
  });

  it('accepts a lower-case id from a hand-typed link', async () => {
    const { status, body } = await get('qhtest0001');
    expect(status).toBe(200);
    expect(MerchantPublicView.parse(body).id).toBe('QHTEST0001');
  });

  it('says plainly that a suspended shop is suspended, and shows no award', async () => {
    const view = MerchantPublicView.parse((await get('QHSUSP0001')).body);
    expect(view.status).toBe('suspended');
    expect(view.statusNotice).toContain('暂停');
    expect(view.badge).toEqual({ kind: 'none', label: '' });
  });

  it('says plainly that a revoked (摘牌) shop lost its status', async () => {
    const view = MerchantPublicView.parse((await get('QHREVOKED1')).body);
    expect(view.statusNotice).toContain('摘牌');
    expect(view.badge.kind).toBe('none');
  });

  it.each(['QHPENDING1', 'QHREJECT01', 'QHNOSUCH01'])(
    'answers %s (pending, rejected or unknown) with the same 404, leaking nothing',
    async (id) => {
      const { status, body } = await get(id);
      expect(status).toBe(404);
      expect(ApiErrorBody.parse(body)).toEqual({
        code: 'NOT_FOUND',
        message: '未找到该店铺，请确认二维码是否完整，或在首页搜索店铺',
      });
      expect(requests.commands).toEqual(['QueryCommand']);
    },
  );

  it.each([
    ['too long', 'A'.repeat(33), '商户编号过长'],
    ['markup', '<script>', '只能包含字母和数字'],
    ['a path', '../admin', '只能包含字母和数字'],
    ['emoji', 'QH😀01', '只能包含字母和数字'],
    ['right-to-left text', 'QH\u202Eabc', '只能包含字母和数字'],
    ['blank', '   ', '请提供商户编号'],
  ])('rejects an id that is %s with 400 naming the field, before touching the table', async (_, id, message) => {
    const { status, body } = await get(id);
    expect(status).toBe(400);
    const error = ApiErrorBody.parse(body);
    expect(error).toMatchObject({ code: 'INVALID', field: 'id' });
    expect(error.message).toContain(message);
    expect(requests.commands).toEqual([]);
  });

  it('turns a store failure into a generic 500 with a correlation id and no internals', async () => {
    const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await dynamoDbClient.send(new DeleteTableCommand({ TableName: config().tableName }));
    const { status, body } = await get('QHTEST0001');
    expect(status).toBe(500);
    const error = ApiErrorBody.parse(body);
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('服务暂时不可用，请稍后重试');
    expect(error.correlationId).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/ResourceNotFound|table|stack/i);
    // The operator still gets the cause, tied to the same correlation id.
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining(error.correlationId!));
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('ResourceNotFoundException'));
    errorLog.mockRestore();
  });
});
