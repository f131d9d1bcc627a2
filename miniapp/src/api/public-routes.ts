import type { RouteAddress } from './http'

/**
 * The reads of the main package's two pages — the shop page a scan opens and the home page — without
 * zod, so the main package carries neither zod nor the contract's schemas. Their addresses are the
 * contract's (a unit test compares them with `routes`). A shop id is checked on the phone by the
 * contract's rule (checkShopCode), so a malformed code costs no request; the server checks it again.
 * Every other page calls through `client.ts`.
 */
export const PUBLIC_READS = {
  getMerchant: { method: 'GET', path: '/merchants/{id}', access: 'public' },
  shopRecalls: { method: 'GET', path: '/merchants/{id}/recalls', access: 'public' },
  homeContent: { method: 'GET', path: '/content/home', access: 'public' }
} as const satisfies Record<string, RouteAddress>
