export default async function globalTeardown(): Promise<void> {
  const product = (globalThis as { __fangxinE2eProduct?: { stop(): Promise<void> } }).__fangxinE2eProduct;
  await product?.stop();
}
