import * as QRCode from 'qrcode';
import type { Answer } from '../../common/answers';
import type { Json } from '../../common/http';
import { encodePng, type GreyImage } from '../png';
import { fail } from '../protocol';
import type { WeChatState } from '../state';

const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
/** The least white left around the symbol, in modules: scanners need a quiet zone to find its edge. */
const QR_MARGIN_MODULES = 2;

/**
 * POST /wxa/getwxacodeunlimit: a PNG for `scene`, or WeChat's JSON error (still HTTP 200) when the
 * request is one the real server refuses.
 */
export function wxacode(state: WeChatState, body: Json): Answer {
  const { scene, page } = body;
  const { releasedPages } = state.config;
  // The real server's answers for a bad scene: 40169 when empty or too long, 40129 for characters
  // outside the documented set (there is no percent-encoding, so Chinese must be encoded by us).
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) return fail(40169);
  if (!SCENE_CHARS.test(scene)) return fail(40129);
  if (page !== undefined && (typeof page !== 'string' || page.startsWith('/'))) return fail(41030);
  const envVersion = body.env_version ?? 'release';
  if (envVersion !== 'release' && envVersion !== 'trial' && envVersion !== 'develop') return fail(40097);
  const checkPath = body.check_path ?? true;
  if (typeof checkPath !== 'boolean') return fail(40097);
  if (checkPath && page !== undefined && releasedPages && !releasedPages.includes(page)) return fail(41030);
  if (body.width !== undefined && typeof body.width !== 'number') return fail(40097);

  // WeChat draws 280–1280 px and clamps anything outside; 430 px when no width is asked for.
  const width = Math.min(1280, Math.max(280, Math.round((body.width as number | undefined) ?? 430)));
  const text: Record<string, string> = { scene, env_version: envVersion };
  if (typeof page === 'string') text.page = page;
  text.Comment = "fangxin WeChat stand-in: a standard QR code of the scene, not WeChat's round mini-program code";
  return { status: 200, contentType: 'image/png', bytes: encodePng(qrPicture(scene, width), text) };
}

/**
 * WeChat's real code is a round "sun code" only WeChat can read; the stand-in draws a standard QR code of
 * exactly the scene instead (error correction M, as printed shop signs need), so the local product and
 * the tests can decode what a scan would give. Modules are a whole number of pixels, centred, so the
 * quiet zone is at least {@link QR_MARGIN_MODULES} modules and the picture is exactly `width` square.
 */
function qrPicture(scene: string, width: number): GreyImage {
  const { size, data } = QRCode.create(scene, { errorCorrectionLevel: 'M' }).modules;
  const scale = Math.floor(width / (size + 2 * QR_MARGIN_MODULES));
  const offset = Math.floor((width - scale * size) / 2);
  const pixels = new Uint8Array(width * width).fill(255);
  const row = new Uint8Array(width);
  for (let y = 0; y < size; y++) {
    row.fill(255);
    for (let x = 0; x < size; x++) {
      if (data[y * size + x]) row.fill(0, offset + x * scale, offset + (x + 1) * scale);
    }
    for (let line = 0; line < scale; line++) pixels.set(row, (offset + y * scale + line) * width);
  }
  return { width, height: width, pixels };
}
