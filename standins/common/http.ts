import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The HTTP plumbing every stand-in server shares: serving on 127.0.0.1, the `/__control/` split, and
 * small parsing helpers. Each stand-in keeps its own protocol (paths, answers, error codes) and fault rules.
 */

/** A mistake in a control request: answered 400 with the message, never a stand-in failure. */
export class ControlError extends Error {}

/** A control request's answer: always JSON. */
export interface ControlAnswer {
  status: number;
  json: unknown;
}

export interface StandInRoutes {
  /** `/__control/…` requests: synchronous, JSON in and out. */
  control(method: string, path: string, body: string): ControlAnswer;
  /** Everything else: the protocol the stand-in speaks. */
  call(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void>;
}

/** What a stand-in's runner needs from it: where it listens, and how to stop it. */
export interface ServedStandIn {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves `routes` on 127.0.0.1 (`port` 0: a free one). */
export async function serveStandIn(port: number | undefined, routes: StandInRoutes): Promise<ServedStandIn> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      if (url.pathname.startsWith('/__control/')) {
        let answer: ControlAnswer;
        try {
          answer = routes.control(req.method ?? 'GET', url.pathname, body.toString('utf8'));
        } catch (error) {
          if (!(error instanceof ControlError)) throw error;
          answer = { status: 400, json: { error: error.message } };
        }
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
        return;
      }
      await routes.call(req, res, url, body);
    })().catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`stand-in failure: ${String(error)}`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Keep idle connections longer than any client's pool does (undici: 4 s), so a client never reuses a
    // socket the server is closing at that moment (an ECONNRESET on a loaded machine otherwise).
    server.keepAliveTimeout = 65_000;
    server.listen(port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export type Json = Record<string, unknown>;

/** A control request's JSON body, or a ControlError. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlError('body is not JSON');
  }
}

/** An API request's JSON object body, or undefined when it is not one (the protocol's own error follows). */
export function parseObject(text: string): Json | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** `now()` as the ISO time records carry: the stand-in's clock, which tests may set. */
export function isoTime(now: () => number): string {
  return new Date(now()).toISOString();
}

/** Start of the current calendar day in China (UTC+8), when daily quotas reset. */
export function beijingDayStart(at: number): number {
  const offset = 8 * 3_600_000;
  return Math.floor((at + offset) / 86_400_000) * 86_400_000 - offset;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
