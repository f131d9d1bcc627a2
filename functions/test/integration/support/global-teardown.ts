export default async function globalTeardown(): Promise<void> {
  const dynamo = (globalThis as { __fangxinIntegrationDynamo?: { stop(): Promise<void> } }).__fangxinIntegrationDynamo;
  await dynamo?.stop();
}
