import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Taro names every built script and stylesheet with its content hash (see miniapp/config/index.ts `output`). */
const HASHED = /\.[0-9a-f]{8}\.(js|css)$/;
/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the browser accepts: brotli, then gzip (every browser WeChat embeds has both). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name!.trim().toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return 'identity';
}

/**
 * How long a browser may keep a file: hashed files never change under their name, so a year and
 * `immutable`; index.html (which names the current hashes) is asked for again every time.
 */
export function cacheControl(file: string): string {
  return HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Each file compressed once per encoding and version (a rebuild under a running server gives new ones). */
function compressedBodies(): (file: string, encoding: Encoding) => Buffer {
  const cache = new Map<string, Buffer>();
  return (file, encoding) => {
    const { mtimeMs, size } = statSync(file);
    const key = `${encoding}:${file}:${mtimeMs}:${size}`;
    let body = cache.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body =
        encoding === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : encoding === 'gzip'
            ? gzipSync(raw, { level: 9 })
            : raw;
      cache.set(key, body);
    }
    return body;
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

export interface RunningStaticServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the mini-program's H5 build on 127.0.0.1 and forwards `/api/*` to the local API, so the page and
 * the API share an origin (no CORS, and the build does not need to know the API's port). Text is sent
 * brotli- or gzip-compressed and hashed files are cached for a year, as a CDN in front of the build
 * should serve them (docs/scale.md): the scan page's budget is counted in the bytes that travel.
 */
export function serveH5(options: { root: string; port: number; apiUrl: string }): Promise<RunningStaticServer> {
  const root = path.resolve(options.root);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no H5 build at ${root}: run \`npm run build:h5\` first`);
  }
  const api = new URL(options.apiUrl);
  const bodyOf = compressedBodies();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const upstream = request(
        {
          hostname: api.hostname,
          port: api.port,
          method: req.method,
          path: url.pathname.slice('/api'.length) + url.search,
          headers: { ...req.headers, host: api.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: 'INTERNAL', message: '本地 API 未启动或无响应' }));
      });
      req.pipe(upstream);
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      // A malformed escape (%E0%A4%A) is the client's mistake: answered, never a crash of the preview.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('请求地址无效');
      return;
    }
    const file = path.join(root, path.normalize(decoded));
    const inside = file.startsWith(root + path.sep) || file === root;
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : path.join(root, 'index.html');
    const extension = path.extname(target);
    const encoding = COMPRESSIBLE.has(extension) ? chooseEncoding(headerOf(req, 'accept-encoding')) : 'identity';
    const body = bodyOf(target, encoding);
    res.writeHead(200, {
      'content-type': TYPES[extension] ?? 'application/octet-stream',
      'cache-control': cacheControl(target),
      'content-length': String(body.length),
      vary: 'Accept-Encoding',
      ...(encoding !== 'identity' ? { 'content-encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${options.port}`,
        stop: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
