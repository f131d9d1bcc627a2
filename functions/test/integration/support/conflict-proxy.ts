import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Sits between the functions and DynamoDB Local and applies DynamoDB's rule for concurrent transactions,
 * which DynamoDB Local does not: while a TransactWriteItems is in flight it holds every item it touches; a
 * second transaction touching one of them is cancelled (TransactionCanceledException, reason
 * `TransactionConflict` for that item, nothing written), and a plain write to one of them fails with
 * TransactionConflictException. Transactions are held a little longer than DynamoDB Local takes
 * (`holdMs`) so that concurrency on this machine looks like concurrency on DynamoDB. Everything else is
 * forwarded untouched. Listens on 127.0.0.1.
 */
export interface ConflictProxyOptions {
  target: string;
  /** How long each transaction holds its items before it is forwarded. */
  holdMs?: number;
}

export interface ConflictProxy {
  readonly endpoint: string;
  readonly counts: { transactions: number; cancelled: number; plainWritesRefused: number };
  /** The item keys (table|pk|sk) that transactions were cancelled on, with how often. */
  readonly contested: Map<string, number>;
  stop(): Promise<void>;
}

type AttributeMap = Record<string, unknown>;
interface TransactItem {
  Put?: { TableName: string; Item: AttributeMap };
  Update?: { TableName: string; Key: AttributeMap };
  Delete?: { TableName: string; Key: AttributeMap };
  ConditionCheck?: { TableName: string; Key: AttributeMap };
}

const keyOf = (table: string, item: AttributeMap) => `${table}|${JSON.stringify(item.pk)}|${JSON.stringify(item.sk)}`;

function itemKey(entry: TransactItem): string {
  if (entry.Put) return keyOf(entry.Put.TableName, entry.Put.Item);
  const keyed = entry.Update ?? entry.Delete ?? entry.ConditionCheck;
  if (!keyed) throw new Error('unknown transact item');
  return keyOf(keyed.TableName, keyed.Key);
}

const PLAIN_WRITES: Record<string, (body: AttributeMap) => string> = {
  PutItem: (body) => keyOf(String(body.TableName), body.Item as AttributeMap),
  UpdateItem: (body) => keyOf(String(body.TableName), body.Key as AttributeMap),
  DeleteItem: (body) => keyOf(String(body.TableName), body.Key as AttributeMap),
};

export async function startConflictProxy(options: ConflictProxyOptions): Promise<ConflictProxy> {
  const target = new URL(options.target);
  const holdMs = options.holdMs ?? 30;
  const held = new Map<string, number>();
  const counts = { transactions: 0, cancelled: 0, plainWritesRefused: 0 };
  const contested = new Map<string, number>();
  let nextTransaction = 0;

  const refuse = (res: import('node:http').ServerResponse, type: string, body: AttributeMap) => {
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `conflict-${counts.cancelled + counts.plainWritesRefused}` });
    res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, ...body }));
  };

  const forward = (req: IncomingMessage, res: import('node:http').ServerResponse, body: Buffer, done: () => void) => {
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        done();
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    upstream.on('error', () => {
      done();
      res.destroy();
    });
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      if (operation === 'TransactWriteItems') {
        counts.transactions++;
        const id = ++nextTransaction;
        const items = (JSON.parse(body.toString('utf8')) as { TransactItems: TransactItem[] }).TransactItems;
        const keys = items.map(itemKey);
        const clashes = keys.map((key) => held.has(key) && held.get(key) !== id);
        if (clashes.some(Boolean)) {
          counts.cancelled++;
          keys.forEach((key, index) => clashes[index] && contested.set(key, (contested.get(key) ?? 0) + 1));
          refuse(res, 'TransactionCanceledException', {
            message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${clashes.map((clash) => (clash ? 'TransactionConflict' : 'None')).join(', ')}]`,
            CancellationReasons: clashes.map((clash) => (clash ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' })),
          });
          return;
        }
        for (const key of keys) held.set(key, id);
        const release = () => {
          for (const key of keys) if (held.get(key) === id) held.delete(key);
        };
        setTimeout(() => forward(req, res, body, release), holdMs);
        return;
      }
      const plain = PLAIN_WRITES[operation];
      if (plain && held.has(plain(JSON.parse(body.toString('utf8')) as AttributeMap))) {
        counts.plainWritesRefused++;
        refuse(res, 'TransactionConflictException', { message: 'Transaction is ongoing for the item' });
        return;
      }
      forward(req, res, body, () => undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    contested,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
