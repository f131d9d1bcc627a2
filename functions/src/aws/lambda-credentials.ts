import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the bundles (serverless.yml `custom.esbuild.alias`).
 * Lambda always hands a function its role's credentials in the environment, and the local stage and the
 * tests set them there too, so the rest of the default chain (SSO, profiles, STS, instance metadata, with
 * their own nested SDK clients) never runs — yet it was ~90 KB of every bundle and part of every cold start.
 */
export const defaultProvider: (init?: Parameters<typeof fromEnv>[0]) => ReturnType<typeof fromEnv> = (init) => fromEnv(init);
export const credentialsWillNeedRefresh = (credentials: { expiration?: Date }) => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials: { expiration?: Date }) =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
