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
 * plugins: the event-stream code the client never uses, and the zlib it required at load, are gone, and the
 * client still signs, sends and reads a real DynamoDB JSON exchange.
 */
describe('a function bundle without event streams', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'fangxin-no-event-streams-'));
  const entry = path.join(scratch, 'handler.ts');
  writeFileSync(
    entry,
    [
      "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
      'export const handler = (endpoint: string) =>',
      "  new DynamoDBClient({ endpoint, region: 'cn-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 })",
      "    .send(new GetItemCommand({ TableName: 'fangxin-test', Key: { pk: { S: 'MERCHANT#M1' }, sk: { S: 'PROFILE' } } }));",
      '',
    ].join('\n'),
  );

  let server: Server;
  const received: Array<{ target: string | undefined; authorization: string | undefined; body: unknown }> = [];
  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ target: request.headers['x-amz-target'] as string | undefined, authorization: request.headers.authorization, body: JSON.parse(body) });
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        response.end(JSON.stringify({ Item: { pk: { S: 'MERCHANT#M1' }, sk: { S: 'PROFILE' }, name: { S: '放心超市' } } }));
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

  it('still sends a signed GetItem and reads the item back', async () => {
    // Loaded in a Node process of its own, as Lambda loads a bundle.
    const file = path.join(scratch, 'handler.js');
    writeFileSync(file, await bundle(true));
    const { port } = server.address() as AddressInfo;
    const run = `require(${JSON.stringify(file)}).handler('http://127.0.0.1:${port}').then((answer) => process.stdout.write(JSON.stringify(answer.Item)))`;
    const env = { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' };

    const item = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['-e', run], { env }, (error, stdout, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(stdout))),
    );

    expect(JSON.parse(item)).toMatchObject({ name: { S: '放心超市' } });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      target: 'DynamoDB_20120810.GetItem',
      body: { TableName: 'fangxin-test', Key: { pk: { S: 'MERCHANT#M1' }, sk: { S: 'PROFILE' } } },
    });
    expect(received[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=local\//);
  });
});
