import { spawn } from 'node:child_process';
import path from 'node:path';
import { portInUse, waitFor } from './ports';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Runs the API exactly as serverless.yml declares it, with serverless-offline (osls, no login, no network),
 * bound to 127.0.0.1. The handlers are the esbuild bundles that `serverless package` would ship.
 */
export async function startApi(options: {
  port: number;
  lambdaPort: number;
  env: Record<string, string>;
  quiet?: boolean;
}): Promise<RunningApi> {
  for (const port of [options.port, options.lambdaPort]) {
    if (await portInUse(port)) throw new Error(`cannot start the local API: port ${port} is taken`);
  }
  const cli = path.join(repoRoot, 'node_modules', 'osls', 'bin', 'serverless.js');
  const child = spawn(process.execPath, [cli, 'offline', 'start', '--stage', 'local'], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env, API_PORT: String(options.port), API_LAMBDA_PORT: String(options.lambdaPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends the workers it spawns
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (!options.quiet) process.stdout.write(`[api] ${chunk}`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitFor('the local API (serverless offline)', async () => {
      if (child.exitCode !== null) throw new Error('exited');
      const response = await fetch(`${url}/merchants/READY0PROBE`);
      return response.status === 404 || response.status === 200;
    }, startTimeoutMs());
  } catch (error) {
    killGroup(child.pid, 'SIGKILL');
    throw new Error(`the local API failed to start: ${String(error)}\n${output.slice(-4000)}`);
  }

  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * How long serverless offline may take to bundle every function (about 140) and listen: 6 minutes, or
 * `FANGXIN_API_START_TIMEOUT_MS`. On a quiet two-core machine it takes well under that; on a busy one,
 * with other builds running, it has taken over three.
 */
function startTimeoutMs(): number {
  const configured = Number(process.env.FANGXIN_API_START_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : 360_000;
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
