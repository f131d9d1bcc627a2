import * as z from 'zod/mini';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { NotFound, type RouteContract } from '@fangxin/shared';
import { httpRoute } from '../../src/http/route';
import { invocation } from '../../src/observability/invocation';
import { logger, withLogContext } from '../../src/observability/log';

/** The JSON lines written to stdout/stderr while `work` runs. */
async function linesOf(work: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  const out = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const err = jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  try {
    await work();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Routine lines are what these tests look at; other projects in the same run quiet them with LOG_LEVEL.
const savedLevel = process.env.LOG_LEVEL;
beforeAll(() => {
  process.env.LOG_LEVEL = 'info';
});
afterAll(() => {
  if (savedLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = savedLevel;
});

describe('log lines carry the invocation they belong to', () => {
  it('keeps each invocation’s correlation id across awaits, timers and parallel work, without mixing two', async () => {
    const lines = await linesOf(() =>
      Promise.all(
        ['req-a', 'req-b'].map((correlationId, index) =>
          withLogContext({ correlationId, source: 'test' }, async () => {
            await pause(5 * (2 - index));
            await Promise.all([1, 2].map(async (n) => {
              await pause(n);
              logger.info('step', { n });
            }));
            logger.warn('done');
          }),
        ),
      ),
    );
    expect(lines).toHaveLength(6);
    for (const id of ['req-a', 'req-b']) {
      expect(lines.filter((line) => line.correlationId === id).map((line) => line.message).sort()).toEqual(['done', 'step', 'step']);
    }
  });

  it('an API request’s lines — down to the use case — carry the API Gateway request id, and its error answer quotes it', async () => {
    const contract = { method: 'GET', path: '/probe/{id}', access: 'public', pathParams: z.object({ id: z.string() }), response: z.object({}) } satisfies RouteContract;
    const handler = httpRoute(contract, async ({ pathParams }) => {
      logger.info('looking up', { id: pathParams.id });
      await pause(1);
      throw new Error('boom');
    });
    const event = { requestContext: { requestId: 'apigw-req-42' }, pathParameters: { id: 'x' }, headers: {} } as unknown as APIGatewayProxyEventV2;
    let answer: Awaited<ReturnType<typeof handler>> | undefined;
    const lines = await linesOf(async () => {
      answer = await handler(event);
    });
    expect(lines.map((line) => [line.message, line.correlationId, line.source])).toEqual([
      ['looking up', 'apigw-req-42', 'GET /probe/{id}'],
      ['unhandled error', 'apigw-req-42', 'GET /probe/{id}'],
    ]);
    expect(answer?.statusCode).toBe(500);
    expect(JSON.parse(String(answer?.body))).toMatchObject({ code: 'INTERNAL', correlationId: 'apigw-req-42' });
  });

  it('a domain error is answered without an error line (it is the caller’s, not ours)', async () => {
    const contract = { method: 'GET', path: '/probe', access: 'public', pathParams: z.object({}), response: z.object({}) } satisfies RouteContract;
    const handler = httpRoute(contract, async () => {
      throw new NotFound('未找到');
    });
    const lines = await linesOf(() => handler({ requestContext: { requestId: 'r' }, headers: {} } as unknown as APIGatewayProxyEventV2));
    expect(lines).toEqual([]);
  });

  it('a scheduled run’s lines carry Lambda’s request id', async () => {
    const job = invocation('schedule probe', async () => logger.info('swept', { moved: 1 }));
    const lines = await linesOf(() => job(undefined, { awsRequestId: 'lambda-req-7' }));
    expect(lines).toEqual([expect.objectContaining({ message: 'swept', moved: 1, correlationId: 'lambda-req-7', source: 'schedule probe' })]);
  });
});

describe('no log line holds a whole phone number', () => {
  it('masks mobile numbers wherever they reach a line — a field, a nested value, an error message — and leaves other digits alone', async () => {
    const lines = await linesOf(async () => {
      logger.info('contact', { phone: '13800138000', nested: { to: '+86 13900139000' } });
      logger.error('unhandled error', { error: { message: 'The provided value 15912345678 is invalid' } });
      logger.info('timestamps and case numbers stay', { at: 1765000000000, case12315: '13800138000123' });
    });
    const text = JSON.stringify(lines);
    expect(text).not.toMatch(/(?<!\d)13800138000(?!\d)|15912345678|13900139000/);
    expect(lines[0]).toMatchObject({ phone: '138****8000', nested: { to: '139****9000' } });
    expect(lines[1]).toMatchObject({ error: { message: 'The provided value 159****5678 is invalid' } });
    expect(lines[2]).toMatchObject({ at: 1765000000000, case12315: '13800138000123' });
  });
});
