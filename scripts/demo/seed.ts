import { DEMO_MERCHANTS } from './demo-merchants';

/**
 * Writes the demo data through the production store (the same code the handlers use).
 * Imported lazily so the caller sets the local environment before the store reads its config.
 */
export async function seedDemoData(): Promise<{ merchants: number }> {
  const { saveMerchant } = await import('../../functions/src/store/merchants');
  for (const merchant of DEMO_MERCHANTS) await saveMerchant(merchant);
  return { merchants: DEMO_MERCHANTS.length };
}
