export default async function globalTeardown(): Promise<void> {
  const services = (globalThis as { __fangxinIntegration?: Array<{ stop(): Promise<void> }> }).__fangxinIntegration ?? [];
  for (const service of services) await service.stop();
}
