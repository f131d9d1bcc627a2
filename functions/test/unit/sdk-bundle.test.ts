import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { REPO_ROOT } from '../../../scripts/contract/serverless-functions';

const plugins = require('../../../scripts/serverless/esbuild-plugins.js') as () => Plugin[];

/**
 * The DynamoDB client as serverless.yml bundles it (the SDK's ES builds, Node platform), with and without the
 * plugins: the event-stream code the client never uses, and the zlib it required at load, are gone; loading
 * it no longer makes Node load WebCrypto; and the client still signs, sends and reads real DynamoDB JSON
 * exchanges, with random v4 UUIDs where the SDK makes them.
 */
describe('the SDK in a function bundle', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fangxin-sdk-bundle-'));
  const entry = path.join(scratch, 'handler.ts');
  writeFileSync(
    entry,
    [
      "import { DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';",
      'export const handler = async (endpoint: string) => {',
      "  const client = new DynamoDBClient({ endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });",
      "  const answer = await client.send(new GetItemCommand({ TableName: 'fangxin-test', Key: { pk: { S: 'MERCHANT#M1' }, sk: { S: 'PROFILE' } } }));",
      "  await client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'fangxin-test', Item: { pk: { S: 'A' }, sk: { S: 'B' } } } }] }));",
      '  return answer;',
      '};',
      '',
    ].join('\n'),
  );

  let server: Server;
  const received: Array<{ target: string | undefined; authorization: string | undefined; invocationId: string | undefined; body: Record<string, unknown> }> = [];
  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const target = request.headers['x-amz-target'] as string | undefined;
        received.push({ target, authorization: request.headers.authorization, invocationId: request.headers['amz-sdk-invocation-id'] as string | undefined, body: JSON.parse(body) });
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        const item = { Item: { pk: { S: 'MERCHANT#M1' }, sk: { S: 'PROFILE' }, name: { S: '放心超市' } } };
        response.end(JSON.stringify(target?.endsWith('.GetItem') ? item : {}));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
  });

  const bundle = async (withPlugins: boolean) =>
    (
      await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        mainFields: ['module', 'main'],
        absWorkingDir: REPO_ROOT,
        nodePaths: [path.join(REPO_ROOT, 'node_modules')],
        logLevel: 'silent',
        plugins: withPlugins ? plugins() : [],
      })
    ).outputFiles[0]!.text;

  it('leaves out the event-stream codec and the zlib it required at load', async () => {
    const [withPlugins, without] = await Promise.all([bundle(true), bundle(false)]);
    expect(without).toContain('require("node:zlib")');
    expect(without).toContain('EventStreamCodec');
    expect(withPlugins).not.toContain('require("node:zlib")');
    expect(withPlugins).not.toContain('EventStreamCodec');
    expect(withPlugins.length).toBeLessThan(without.length - 10_000);
  });

  const V4_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('still sends a signed GetItem and reads the item back; its ids are random v4 UUIDs', async () => {
    // Loaded in a Node process of its own, as Lambda loads a bundle.
    const file = path.join(scratch, 'handler.js');
    writeFileSync(file, await bundle(true));
    const { port } = server.address() as AddressInfo;
    const run = [
      'const before = new Set(process.moduleLoadList);',
      `const { handler } = require(${JSON.stringify(file)});`,
      "const webCrypto = process.moduleLoadList.filter((name) => !before.has(name) && name.includes('webcrypto'));",
      `handler('http://127.0.0.1:${port}').then((answer) => process.stdout.write(JSON.stringify({ item: answer.Item, webCrypto })));`,
    ].join('\n');
    const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' };

    const output = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['-e', run], { env }, (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(stdout))),
    );

    const { item, webCrypto } = JSON.parse(output) as { item: unknown; webCrypto: string[] };
    expect(item).toMatchObject({ name: { S: '放心超市' } });
    // Loading the bundle did not make Node load WebCrypto (the SDK's UUIDs come from node:crypto).
    expect(webCrypto).toEqual([]);
    expect(received.map(({ target }) => target)).toEqual(['DynamoDB_20120810.GetItem', 'DynamoDB_20120810.TransactWriteItems']);
    expect(received[0]!.body).toEqual({ TableName: 'fangxin-test', Key: { pk: { S: 'MERCHANT#M1' }, sk: { S: 'PROFILE' } } });
    for (const request of received) expect(request.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=local\//);
    const ids = [...received.map(({ invocationId }) => invocationId), received[1]!.body.ClientRequestToken];
    for (const id of ids) expect(id).toMatch(V4_UUID);
    expect(new Set(ids).size).toBe(3);
  });
});
