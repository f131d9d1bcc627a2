import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Sits between the functions and DynamoDB Local and makes the store misbehave the way DynamoDB does
 * under load: some writes are refused with DynamoDB's own throttling error (HTTP 400
 * `ThrottlingException`, nothing written), and some are written but answered with a 500 (the caller
 * cannot know it succeeded). Everything else is forwarded untouched, so the real SDK's retries and our
 * idempotency are what is tested. Listens on 127.0.0.1.
 */
export interface ThrottlingProxyOptions {
  target: string;
  /** Share of write requests refused with ThrottlingException. */
  throttleWrites: number;
  /** Share of write requests performed but answered with InternalServerError. */
  loseWriteAnswers: number;
  /**
   * Share of TransactWriteItems refused as DynamoDB refuses a throttled transaction: HTTP 400
   * `TransactionCanceledException` with a `ThrottlingError` among its reasons (one per item), nothing written.
   */
  cancelTransactions?: number;
  random?: () => number;
  /**
   * Runs before a request is forwarded, misbehaving or calm: a test's other writer can land between a
   * function's read and its write (the request waits for it).
   */
  beforeForward?: (operation: string, body: string) => Promise<void>;
}

export interface ThrottlingProxy {
  readonly endpoint: string;
  readonly counts: { forwarded: number; throttled: number; answersLost: number; transactionsCancelled: number };
  /** Starts (true) or stops (false) misbehaving; it starts calm, so a test can set up its data first. */
  misbehave(on: boolean): void;
  stop(): Promise<void>;
}

const WRITES = /\.(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)$/;

export async function startThrottlingProxy(options: ThrottlingProxyOptions): Promise<ThrottlingProxy> {
  const target = new URL(options.target);
  const random = options.random ?? Math.random;
  const counts = { forwarded: 0, throttled: 0, answersLost: 0, transactionsCancelled: 0 };
  let calm = true;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '');
      await options.beforeForward?.(operation, body.toString('utf8'));
      const isWrite = WRITES.test(operation);
      if (!calm && operation.endsWith('.TransactWriteItems') && random() < (options.cancelTransactions ?? 0)) {
        counts.transactionsCancelled++;
        const items = (JSON.parse(body.toString('utf8')) as { TransactItems: unknown[] }).TransactItems;
        const reasons = items.map((_, index) => (index === 0 ? { Code: 'ThrottlingError', Message: 'Throughput exceeds the current capacity for one or more global secondary indexes.' } : { Code: 'None' }));
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `cancel-${counts.transactionsCancelled}` });
        res.end(JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
          message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((reason) => reason.Code).join(', ')}]`,
          CancellationReasons: reasons,
        }));
        return;
      }
      const roll = random();
      if (!calm && isWrite && roll < options.throttleWrites) {
        counts.throttled++;
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `throttle-${counts.throttled}` });
        res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' }));
        return;
      }
      const loseAnswer = !calm && isWrite && roll < options.throttleWrites + options.loseWriteAnswers;
      counts.forwarded++;
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer: IncomingMessage) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            if (loseAnswer) {
              counts.answersLost++;
              res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
              res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' }));
              return;
            }
            res.writeHead(answer.statusCode ?? 500, answer.headers);
            res.end(Buffer.concat(answerChunks));
          });
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    misbehave: (on) => {
      calm = !on;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
