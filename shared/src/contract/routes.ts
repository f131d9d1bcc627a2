import * as z from 'zod';
import { MerchantId, MerchantPublicView } from './merchant';

/**
 * Who may call a route. Every route states one; the API edge enforces it before the handler runs.
 * Resource-level checks (whose complaint, which shop) happen in the use case on top of this.
 */
export type Access = 'public' | 'consumer' | 'merchant' | 'staff';

export interface RouteContract<P extends z.ZodType, R extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path template, braces around path parameters. */
  path: string;
  access: Access;
  pathParams: P;
  response: R;
}

const route = <P extends z.ZodType, R extends z.ZodType>(contract: RouteContract<P, R>) => contract;

/** The one wire contract: the functions parse with it, the mini-program's client builds requests from it. */
export const routes = {
  getMerchant: route({
    method: 'GET',
    path: '/merchants/{id}',
    access: 'public',
    pathParams: z.object({ id: MerchantId }),
    response: MerchantPublicView,
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** Fills a path template: `/merchants/{id}` + `{ id: 'X' }` → `/merchants/X`, each value URI-encoded. */
export function buildPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
