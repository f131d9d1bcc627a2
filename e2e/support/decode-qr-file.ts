import { execFileSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Decodes the QR code in a PNG file with pngjs + jsQR, in a plain Node process: under jest's module
 * sandbox pngjs runs about a hundred times slower, and a poster is a large image.
 */
export function decodeQrFile(file: string): string | null {
  const script = `
    const { PNG } = require('pngjs');
    const jsQR = require('jsqr');
    const png = PNG.sync.read(require('fs').readFileSync(process.argv[1]));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    process.stdout.write(JSON.stringify(code ? code.data : null));
  `;
  const output = execFileSync(process.execPath, ['-e', script, file], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(output) as string | null;
}
