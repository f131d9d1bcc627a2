import { z } from 'zod'

/**
 * WeChat forbids `new Function`/`eval`, which zod uses to compile fast object parsers. zod decides
 * per `z.object()` when the schema is constructed, so this must run before any schema module is
 * evaluated: it is the first import of `app.ts` and of every module that imports `@fangxin/shared`.
 */
z.config({ jitless: true })
