import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Reads the text of the QR code in a PNG image — what scanning the stand-in's mini-program code would
 * give (its scene). For tests and the browser tests; `null` when the image holds no readable code.
 *
 * @throws Error when `png` is not a PNG file.
 */
export function decodeQrPng(png: Buffer): string | null {
  // pngjs hands back 8-bit RGBA whatever the file's colour type, which is the layout jsQR reads.
  const { data, width, height } = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height);
  return code?.data ?? null;
}
