import { parseArgs } from 'node:util';
import type { ServedStandIn } from './http';

/** The flags cannot work (a secret is missing, say): reported on stderr with exit status 2, as `--port` is. */
export class UsageError extends Error {}

/** What a stand-in's `main.ts` tells {@link runStandIn}: its own flags, how to start it, how to name it. */
export interface StandInCli<F extends string, S extends ServedStandIn> {
  /** Flags besides `--port`, each taking a value. */
  flags: readonly F[];
  /** Starts the stand-in on `port` with the flags given (absent ones undefined); throws UsageError when they cannot work. */
  start(port: number, flags: Partial<Record<F, string>>): Promise<S>;
  /** What is running, for the line on stderr: "WeChat stand-in for appid wx…". */
  describe(standIn: S): string;
}

/**
 * Runs a stand-in on its own, for the local product and for people: `--port N` (default 0, a free port)
 * plus the stand-in's own flags. Prints the base URL alone on the first line of stdout, which is what
 * scripts read, then serves until SIGINT or SIGTERM and exits 0.
 */
export function runStandIn<F extends string, S extends ServedStandIn>(cli: StandInCli<F, S>): void {
  const options: Record<string, { type: 'string'; default?: string }> = { port: { type: 'string', default: '0' } };
  for (const flag of cli.flags) options[flag] = { type: 'string' };
  const values = parseArgs({ options }).values as Partial<Record<F, string>> & { port: string };

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a port number, got ${values.port}`);
    process.exit(2);
  }

  void (async () => {
    const standIn = await cli.start(port, values);
    console.log(standIn.url);
    console.error(`${cli.describe(standIn)} on ${standIn.url} (control API under /__control/)`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void standIn.stop().then(() => process.exit(0));
      });
    }
  })().catch((error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
}
