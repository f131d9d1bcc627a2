import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allRoutes } from '@fangxin/shared';
import { REPO_ROOT, deployedFunctions } from '../../../scripts/contract/serverless-functions';

/**
 * The wire contract (shared/src/contract/routes.ts) and the deployment (serverless.yml) describe the same
 * API: every route is deployed under its own name with its method and path, nothing else answers HTTP,
 * and each function's handler file exists and serves the route it is named after.
 */
describe('serverless.yml deploys exactly the contract’s routes', () => {
  const deployed = deployedFunctions();
  const http = deployed.filter((fn) => fn.http);

  it('has one HTTP function per route, with the route’s method and path', () => {
    const fromYaml = Object.fromEntries(http.map((fn) => [fn.name, `${fn.http!.method} ${fn.http!.path}`]));
    const fromContract = Object.fromEntries(Object.entries(allRoutes).map(([name, route]) => [name, `${route.method} ${route.path}`]));
    expect(fromYaml).toEqual(fromContract);
  });

  it.each(deployed.map((fn) => [fn.name, fn] as const))('%s: its handler file exists and exports `handler`', (_name, fn) => {
    const file = path.join(REPO_ROOT, fn.handlerFile);
    expect(existsSync(file)).toBe(true);
    expect(fn.handler.endsWith('.handler')).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/export const handler\b/);
  });

  it.each(http.map((fn) => [fn.name, fn] as const))('%s: its handler serves the route of that name', (name, fn) => {
    const source = readFileSync(path.join(REPO_ROOT, fn.handlerFile), 'utf8');
    // Each route is its own constant (`getMerchantRoute`): the handler imports that one alone, so its bundle
    // carries only that route's schemas (see shared/src/contract/all-routes.ts).
    expect(source).toMatch(new RegExp(`\\bhttpRoute\\(\\s*${name}Route\\b`));
    // One route per handler: no other route is bound in the same file, and no whole route table is imported.
    expect(source).not.toMatch(/\b(?:allRoutes|routes|campaignRoutes|stationRoutes|contentRoutes)\b/);
    const bound = [...source.matchAll(/\b(\w+)Route\b/g)].map((match) => match[1]).filter((route) => route !== 'http');
    expect(new Set(bound)).toEqual(new Set([name]));
  });

  it('runs nothing that is neither a route, a schedule nor the outbox stream', () => {
    const other = deployed.filter((fn) => !fn.http && !fn.schedule && !fn.stream).map((fn) => fn.name);
    expect(other).toEqual([]);
  });
});
