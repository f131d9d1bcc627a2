import * as z from 'zod';

/**
 * People read validation messages. Our schemas carry their own Chinese messages; this makes zod's generic
 * ones (wrong type, unknown option, too long…) Chinese too, for the app and the API alike. Imported for its
 * effect by every contract module (package.json lists it under `sideEffects`).
 */
z.config(z.locales.zhCN());
