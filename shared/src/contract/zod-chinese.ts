import * as z from 'zod/mini';
// The one locale by name: `z.locales.zhCN` reaches it through the namespace of all ~50 locales, which no
// bundler can prune, and every bundle then carried them all.
import { zhCN } from 'zod/locales';

/**
 * People read validation messages. Our schemas carry their own Chinese messages; this makes zod's generic
 * ones (wrong type, unknown option, too long…) Chinese too, for the app and the API alike. Imported for its
 * effect by every contract module (package.json lists it under `sideEffects`).
 */
z.config(zhCN());
