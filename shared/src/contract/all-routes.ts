import { campaignRoutes } from './campaign-routes';
import { contentRoutes } from './content-routes';
import { routes } from './routes';
import { stationRoutes } from './station-routes';

/**
 * The whole contract: every route the API serves (serverless.yml, the API document and the tests check it).
 * A module of its own: a handler imports only its route's constant (`getMerchantRoute`), and nothing that
 * names every route may sit beside the routes, or every bundle would carry every schema.
 */
export const allRoutes = { ...routes, ...campaignRoutes, ...stationRoutes, ...contentRoutes } as const;
