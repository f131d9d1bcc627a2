import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import path from 'node:path';

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

export interface RunningStaticServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the mini-program's H5 build on 127.0.0.1 and forwards `/api/*` to the local API, so the page and
 * the API share an origin (no CORS, and the build does not need to know the API's port).
 */
export function serveH5(options: { root: string; port: number; apiUrl: string }): Promise<RunningStaticServer> {
  const root = path.resolve(options.root);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no H5 build at ${root}: run \`npm run build:h5\` first`);
  }
  const api = new URL(options.apiUrl);
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
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)));
    const inside = file.startsWith(root + path.sep) || file === root;
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : path.join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(target).pipe(res);
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
