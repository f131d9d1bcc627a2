import type { HomeContent, MerchantPublicView, RecallPage } from '@fangxin/shared'
import { checkShopCode } from '@/lib/shop-id'
import { takeShellAnswer } from '@/lib/scan-shell'
import { ApiError, MESSAGES, answerOf, send } from './http'
import { PUBLIC_READS } from './public-routes'

/** The body of a 2xx read: the server's own JSON object; anything else is a proxy or a broken deploy. */
function objectBody<T>(data: unknown): T {
  if (data && typeof data === 'object' && !Array.isArray(data)) return data as T
  console.error('response is not a JSON object')
  throw new ApiError('INTERNAL', MESSAGES.badResponse)
}

/** `GET /merchants/{id}`: what anyone sees after scanning a shop's code. */
export async function getMerchant(id: string): Promise<MerchantPublicView> {
  const checked = shopId(id)
  // On H5, a scan link's shell has asked already (src/h5-shell): its answer is this call's, read the same way.
  const handed = await takeShellAnswer(checked)
  if (handed) return objectBody<MerchantPublicView>(answerOf(PUBLIC_READS.getMerchant, handed.status, handed.body))
  return objectBody<MerchantPublicView>(await send(PUBLIC_READS.getMerchant, { params: { id: checked } }))
}

/** The id as the contract normalises it, or the contract's own INVALID error, field `id`. */
function shopId(input: string): string {
  const checked = checkShopCode(input)
  if (!checked.ok) throw new ApiError('INVALID', checked.message, undefined, 'id', undefined, [{ field: 'id', message: checked.message }])
  return checked.id
}

/** `GET /merchants/{id}/recalls`: the shop's recall notices in force, newest first; `cursor` for the next page. */
export async function shopRecalls(id: string, limit: number, cursor?: string): Promise<RecallPage> {
  return objectBody<RecallPage>(await send(PUBLIC_READS.shopRecalls, { params: { id: shopId(id) }, query: { limit, cursor } }))
}

/** `GET /content/home`: the home page's campaign strip. */
export async function homeContent(): Promise<HomeContent> {
  return objectBody<HomeContent>(await send(PUBLIC_READS.homeContent, { params: {} }))
}
