import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startApi, type RunningApi } from './api';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb-local';
import { startWeChatStandIn } from '../../standins/wechat/server';
import { startSmsStandIn } from '../../standins/sms/server';
import { outboxInserts, startStreamRunner } from './stream-runner';
import { applyLocalEnv, LOCAL_REGION, LOCAL_SMS, LOCAL_SMS_TEMPLATES, LOCAL_UPLOAD_BUCKET, LOCAL_WECHAT_APP_ID, LOCAL_WECHAT_APP_SECRET, localAwsEnv } from './env';
import { startObjectStore } from './object-store';
import { serveH5, type RunningStaticServer } from './static-server';

export const repoRoot = path.resolve(__dirname, '../..');
export const h5Root = path.join(repoRoot, 'miniapp', 'dist', 'h5');

export interface LocalProductOptions {
  /** `sms`: the stand-in Tencent Cloud SMS server; without it the SMS fallback is off, as in a deployment without SMS. */
  ports: { dynamodb: number; api: number; apiLambda: number; h5: number; weChat: number; s3: number; sms?: number };
  tableName: string;
  /** Folder for DynamoDB Local's data and the photos; omit to keep them in memory/temp (tests). */
  dataDir?: string;
  /** Run the deadline sweeper every this many ms, as its schedule in serverless.yml does in AWS. */
  sweepEveryMs?: number;
  /**
   * Deliver notifications as AWS does: the dispatcher's schedule every this many ms, and the outbox stream
   * trigger fed from DynamoDB Local's stream. Omit to run neither (tests that drive them themselves).
   */
  dispatchEveryMs?: number;
  /** Build the H5 app first (the dev command does; the test command has built it already). */
  buildH5: boolean;
  quiet: boolean;
}

export interface LocalProduct {
  dynamodbEndpoint: string;
  weChatUrl: string;
  s3Endpoint: string;
  smsUrl?: string;
  apiUrl: string;
  h5Url: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/**
 * Brings up the whole product on this machine: DynamoDB Local, the table (from the deployed definition),
 * demo data on first start, the API from serverless.yml, and the H5 build with `/api` forwarded.
 * Everything binds to 127.0.0.1 except DynamoDB Local, whose jar has no bind-address option (see docs/local.md).
 */
export async function startLocalProduct(options: LocalProductOptions): Promise<LocalProduct> {
  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
  };
  try {
    if (options.buildH5) buildH5(options.quiet);
    if (!existsSync(path.join(h5Root, 'index.html'))) buildH5(options.quiet);

    const dynamo: RunningDynamoDbLocal = await startDynamoDbLocal({
      port: options.ports.dynamodb,
      ...(options.dataDir ? { dbPath: path.join(options.dataDir, 'dynamodb') } : {}),
    });
    started.push(dynamo);
    const weChat = await startWeChatStandIn({ port: options.ports.weChat, appId: LOCAL_WECHAT_APP_ID, appSecret: LOCAL_WECHAT_APP_SECRET });
    started.push(weChat);
    const objects = await startObjectStore({
      port: options.ports.s3,
      bucket: LOCAL_UPLOAD_BUCKET,
      ...(options.dataDir ? { dataDir: path.join(options.dataDir, 'objects') } : {}),
    });
    started.push(objects);
    const sms = options.ports.sms === undefined ? undefined : await startSmsStandIn({ port: options.ports.sms, secretId: LOCAL_SMS.secretId, secretKey: LOCAL_SMS.secretKey, templates: LOCAL_SMS_TEMPLATES });
    if (sms) started.push(sms);
    const env = localAwsEnv({
      dynamodbEndpoint: dynamo.endpoint,
      tableName: options.tableName,
      weChatApiBase: weChat.url,
      s3Endpoint: objects.endpoint,
      ...(sms ? { smsEndpoint: sms.url } : {}),
    });
    applyLocalEnv(env);

    const { ensureTable } = await import('../../functions/src/store/table-admin');
    const { dynamoDbClient } = await import('../../functions/src/clients');
    const created = (await ensureTable(dynamoDbClient, options.tableName)) === 'created';
    if (created) {
      const { seedDemoData } = await import('../demo/seed');
      await seedDemoData();
    }
    // The indicator counters follow from the events (docs/campaign.md): apply whatever is pending (the demo
    // data, or events of a product stopped mid-way) before anyone looks, then keep applying new ones.
    await drainCounts();
    started.push(...(await startCounting({ endpoint: dynamo.endpoint, tableName: options.tableName })));

    const api: RunningApi = await startApi({
      port: options.ports.api,
      lambdaPort: options.ports.apiLambda,
      env,
      quiet: options.quiet,
    });
    started.push(api);
    const h5: RunningStaticServer = await serveH5({ root: h5Root, port: options.ports.h5, apiUrl: api.url });
    started.push(h5);
    if (options.sweepEveryMs) started.push(await startSweeper(options.sweepEveryMs));
    if (options.dispatchEveryMs) started.push(...(await startNotifications(options.dispatchEveryMs, { endpoint: dynamo.endpoint, tableName: options.tableName })));

    return {
      dynamodbEndpoint: dynamo.endpoint,
      weChatUrl: weChat.url,
      s3Endpoint: objects.endpoint,
      ...(sms ? { smsUrl: sms.url } : {}),
      apiUrl: api.url,
      h5Url: h5.url,
      seeded: created,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * serverless-offline runs the schedules of serverless.yml at their deployed rates but no stream triggers,
 * so the orchestrator feeds the table's stream (read from DynamoDB Local, through the deployed filter) to
 * the stream function, and runs the scheduled handlers on faster timers so the demo visibly moves. A
 * schedule running from both places is harmless: each handler is idempotent or claims its work.
 */
async function startSweeper(everyMs: number): Promise<{ stop(): Promise<void> }> {
  const sweeper = await import('../../functions/src/handlers/scheduled/sweep-deadlines');
  const recheck = await import('../../functions/src/handlers/scheduled/recheck-content');
  const sweeping = every('sweeper', everyMs, async () => {
    const result = await sweeper.handler();
    if (result.moved > 0) console.log(`[sweeper] moved ${result.moved} overdue complaint(s) on`);
  });
  const rechecking = every('content recheck', everyMs, async () => {
    await recheck.handler();
  });
  return {
    async stop() {
      await Promise.all([sweeping.stop(), rechecking.stop()]);
    },
  };
}

async function startNotifications(everyMs: number, options: { endpoint: string; tableName: string }): Promise<Array<{ stop(): Promise<void> }>> {
  const dispatcher = await import('../../functions/src/handlers/scheduled/dispatch-notifications');
  const outboxStream = await import('../../functions/src/handlers/streams/outbox-stream');
  return [
    every('dispatcher', everyMs, async () => {
      const summary = await dispatcher.handler();
      const routineLines = (process.env.LOG_LEVEL ?? 'info') === 'info';
      if (summary.examined > 0 && routineLines) console.log(`[dispatcher] ${JSON.stringify(summary.results)}`);
    }),
    await startStreamRunner({
      endpoint: options.endpoint,
      region: LOCAL_REGION,
      tableName: options.tableName,
      handler: outboxStream.handler,
      filter: outboxInserts,
      onError: (error) => console.error('[stream] failed:', error),
    }),
  ];
}

/** Applies every pending event count now (the scheduled catch-up, without its one-minute grace). */
export async function drainCounts(): Promise<void> {
  const { countPendingEvents } = await import('../../functions/src/use-cases/count-events');
  while ((await countPendingEvents(new Date(), { graceMs: 0, limit: 500 })).examined > 0);
}

/** The counter stream trigger fed from DynamoDB Local's stream, and the catch-up schedule every 30 s. */
async function startCounting(options: { endpoint: string; tableName: string }): Promise<Array<{ stop(): Promise<void> }>> {
  const counterStream = await import('../../functions/src/handlers/streams/counter-stream');
  const catchUp = await import('../../functions/src/handlers/scheduled/count-events');
  const { isCountableInsert } = await import('../../functions/src/store/event-stream-record');
  return [
    await startStreamRunner({
      endpoint: options.endpoint,
      region: LOCAL_REGION,
      tableName: options.tableName,
      handler: counterStream.handler,
      filter: isCountableInsert,
      batchSize: 25,
      onError: (error) => console.error('[counters] failed:', error),
    }),
    every('counter catch-up', 30_000, async () => {
      await catchUp.handler();
    }),
  ];
}

function every(name: string, everyMs: number, run: () => Promise<void>): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(run).catch((error: unknown) => console.error(`[${name}] failed:`, error));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

function buildH5(quiet: boolean): void {
  const result = spawnSync('npm', ['run', 'build:h5', '--silent'], {
    cwd: repoRoot,
    stdio: quiet ? 'pipe' : 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    throw new Error(`the H5 build failed:\n${result.stderr?.toString().slice(-4000) ?? ''}`);
  }
}

/** The shop page URL inside the H5 build (hash router). */
export function shopPageUrl(h5Url: string, merchantId: string): string {
  return `${h5Url}/#/pages/merchant/index?id=${encodeURIComponent(merchantId)}`;
}
