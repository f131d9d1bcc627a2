import { withBenchStack } from './bench/local-stack';
withBenchStack(async ({ apiUrl }) => { console.log('API', apiUrl); await new Promise((r) => setTimeout(r, 3600_000)); });
