import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { isOutboxKey } from '../../functions/src/store/keys';

/**
 * Plays Lambda's part for the table's stream where there is no Lambda: serverless-offline runs schedules
 * but does not wire stream events, so the local product (and the tests) read DynamoDB Local's stream with the real Streams
 * API and hand each batch, shaped as Lambda's DynamoDBStreamEvent, to the production handler.
 */

export interface StreamReaderOptions {
  endpoint: string;
  region: string;
  tableName: string;
  /** Where to start: only changes from now on (LATEST, like the deployed trigger) or everything kept. */
  from?: 'LATEST' | 'TRIM_HORIZON';
}

export interface StreamReader {
  /** The records that arrived since the last call (across all shards), in Lambda's event shape. */
  next(): Promise<DynamoDBRecord[]>;
}

export async function openStreamReader(options: StreamReaderOptions): Promise<StreamReader> {
  const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local' };
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, region: options.region, credentials });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region, credentials });
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);
  dynamo.destroy();

  const iterators = new Map<string, string | undefined>();
  async function discoverShards(): Promise<void> {
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      // A shard found after the first look began after the reader did: read it from its start.
      const type = iterators.size === 0 ? (options.from ?? 'LATEST') : 'TRIM_HORIZON';
      const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: type }));
      iterators.set(shard.ShardId, ShardIterator);
    }
  }
  await discoverShards();
  const readShard = (iterator: string) => streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));

  return {
    async next() {
      await discoverShards();
      const records: DynamoDBRecord[] = [];
      for (const [shardId, iterator] of iterators) {
        if (!iterator) continue;
        let answer: Awaited<ReturnType<typeof readShard>>;
        try {
          answer = await readShard(iterator);
        } catch (error) {
          // The iterator fell behind the shard's retained records (or expired) — on a busy machine DynamoDB
          // Local trims as AWS does. Lambda would lose those records too; the scheduled catch-up counts what
          // the stream missed. Carry on from the oldest record still there.
          const name = (error as { name?: string } | null)?.name;
          if (name !== 'TrimmedDataAccessException' && name !== 'ExpiredIteratorException') throw error;
          const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }));
          if (!ShardIterator) continue;
          answer = await readShard(ShardIterator);
        }
        iterators.set(shardId, answer.NextShardIterator);
        records.push(...(answer.Records ?? []).map((record) => toLambdaRecord(record, streamArn, options.region)));
      }
      return records;
    },
  };
}

/** The Streams API record as Lambda delivers it (the same fields; dates as epoch seconds). */
function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const change = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(change.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(change.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      Keys: change.Keys as never,
      ...(change.NewImage ? { NewImage: change.NewImage as never } : {}),
      ...(change.OldImage ? { OldImage: change.OldImage as never } : {}),
      SequenceNumber: change.SequenceNumber,
      SizeBytes: change.SizeBytes,
      StreamViewType: change.StreamViewType as never,
    },
  };
}

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

/**
 * Polls the stream and invokes `handler` with batches of up to `batchSize` records, like the deployed
 * event source mapping. Failed records (batchItemFailures) are logged; the scheduled dispatcher retries
 * the items anyway, so the runner does not redeliver.
 */
export async function startStreamRunner(
  options: StreamReaderOptions & {
    handler: StreamHandler;
    /** The event-source filter of serverless.yml (filterPatterns): records it rejects never reach the handler. */
    filter?: (record: DynamoDBRecord) => boolean;
    pollMs?: number;
    batchSize?: number;
    onError?: (error: unknown) => void;
  },
): Promise<{ stop(): Promise<void> }> {
  const reader = await openStreamReader(options);
  const batchSize = options.batchSize ?? 10;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const records = (await reader.next()).filter(options.filter ?? (() => true));
        for (let i = 0; i < records.length; i += batchSize) {
          const result = await options.handler({ Records: records.slice(i, i + batchSize) });
          if (result && result.batchItemFailures.length > 0) options.onError?.(new Error(`${result.batchItemFailures.length} record(s) failed`));
        }
      } catch (error) {
        options.onError?.(error);
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** serverless.yml's filter for the outbox trigger: inserts of outbox items (a unit test pins the two together). */
export const outboxInserts = (record: DynamoDBRecord): boolean =>
  record.eventName === 'INSERT' && isOutboxKey(record.dynamodb?.Keys?.pk?.S);
