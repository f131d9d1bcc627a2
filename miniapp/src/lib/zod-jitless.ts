import { z } from 'zod/mini'

/**
 * WeChat forbids `new Function`/`eval`, which zod uses to compile fast object parsers. zod decides
 * per `z.object()` when the schema is constructed, so this must run before any schema module is
 * evaluated: it is the first import of every module that imports values from `@fangxin/shared`. Not of
 * `app.ts`: the main package's pages call the API through `api/http.ts` and carry no zod at all.
 */
z.config({ jitless: true })
