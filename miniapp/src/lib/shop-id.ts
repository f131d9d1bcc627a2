import { safeDecode } from './decode'

/**
 * `q` arrives encoded once by WeChat, and once more when a link or the H5 router passed it on;
 * decoding until nothing changes recovers the URL (a URL holding a shop id has no literal `%`).
 */
function decodeFully(value: string): string {
  let current = value
  for (let i = 0; i < 3; i += 1) {
    const next = safeDecode(current)
    if (next === current) break
    current = next
  }
  return current
}

/** Reads the `id` query parameter of a URL without `URL` (missing from the mini-program runtime). */
function idFromUrl(url: string): string | undefined {
  const match = /[?&]id=([^&#]*)/.exec(url)
  return match?.[1]
}

/**
 * The shop id a consumer's scan or link carried to the merchant page, or undefined when none came.
 * - `scene`: a mini-program code (wxacode.getUnlimited) whose scene is the id, URI-encoded by WeChat;
 * - `id`: a plain link, `/pages/merchant/index?id=XXXX`;
 * - `q`: a plain-link QR code ("扫普通链接二维码打开小程序"): the whole encoded https URL, holding `?id=`.
 * The id is checked against the contract when the page calls the API, not here.
 */
export function shopIdFromParams(params: Partial<Record<string, string>>): string | undefined {
  const { scene, id, q } = params
  const candidate = scene ? safeDecode(scene) : id ? safeDecode(id) : q ? idFromUrl(decodeFully(q)) : undefined
  const trimmed = candidate?.trim()
  return trimmed ? trimmed : undefined
}

/**
 * A shop number typed on the home page, checked as the contract's `MerchantId` does (same rules, same
 * words; a unit test holds the two together), without loading zod into the main package.
 */
export function checkShopCode(input: string): { ok: true; id: string } | { ok: false; message: string } {
  // As `typedCode`: full-width letters and digits folded, spaces taken out.
  const id = input.normalize('NFKC').replace(/\s/g, '')
  if (id.length === 0) return { ok: false, message: '请提供商户编号' }
  if (id.length > 32) return { ok: false, message: '商户编号过长，请重新扫描店铺二维码' }
  if (!/^[0-9A-Za-z]+$/.test(id)) return { ok: false, message: '商户编号只能包含字母和数字，请重新扫描店铺二维码' }
  return { ok: true, id: id.toUpperCase() }
}
