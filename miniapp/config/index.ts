import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { IH5Config } from '@tarojs/taro/types/compile'
import { BundleStatsPlugin } from './bundle-stats'
import { ScanPreloadPlugin } from './scan-preload'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * The workspace package `@fangxin/shared` is plain TypeScript (no build step). Webpack follows the
 * node_modules symlink to its real path, which lies outside `src/`, so Taro's babel rule would skip it:
 * it is added to `compile.include` for both platforms, and aliased straight to its source.
 *
 * The app imports it through its barrel, which also re-exports server-side domain code. webpack drops
 * every shared module the app does not use because shared's package.json declares the package free of
 * side effects — except `contract/zod-chinese.ts` (zod's Chinese messages), the one module it lists as
 * kept for its effect. (So no blanket `sideEffects: false` rule here: it would drop that module too.)
 */
const sharedSrc = path.resolve(__dirname, '..', '..', 'shared', 'src')

/** webpack-chain's config object, as Taro hands it to `webpackChain`. */
type WebpackChain = Parameters<NonNullable<IH5Config['webpackChain']>>[0]

/**
 * Taro loads each H5 page as a lazy chunk but only shares modules between *initial* chunks
 * (`splitChunks.chunks: 'initial'`), so every page chunk carried its own copy of zod, the shared contract
 * and NutUI (~0.5 MB each, 6 MB in all, and a three-minute build). Sharing across lazy chunks too puts
 * each common module in one chunk that the pages load once.
 */
function h5Chain(chain: WebpackChain) {
  statsChain(chain)
  const splitChunks = chain.optimization.get('splitChunks') as Record<string, unknown> | false | undefined
  if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all', ...H5_CHUNK_LIMITS })
  if (process.env.NODE_ENV !== 'development') chain.plugin('fangxin-scan-preload').use(ScanPreloadPlugin)
  // Taro's H5 request imports a fetch polyfill and a JSONP client on every page. Every browser this build
  // targets (browserslist: ES modules) has fetch, and we never ask for JSONP: 30 KB less on the scan path.
  const emptyModule = path.resolve(__dirname, 'empty-module.js')
  chain.resolve.alias.set('whatwg-fetch$', emptyModule).set('jsonp-retry$', emptyModule)
}

/**
 * Taro splits with \`minSize: 0\`: every set of modules two pages share became its own file, and the scan
 * page waited on 27 of them — on 4G each costs a round trip, six at a time. Chunks of at least 20 KB,
 * and at most six files for a page to load, trade a little duplication for far fewer round trips.
 */
const H5_CHUNK_LIMITS = { minSize: 20_000, maxAsyncRequests: 6, maxInitialRequests: 6 }

/** What went where, for the benches (see bundle-stats.ts); only when asked. */
function statsChain(chain: WebpackChain) {
  const target = process.env.FANGXIN_BUNDLE_STATS
  if (target) chain.plugin('fangxin-bundle-stats').use(BundleStatsPlugin, [target])
}

/**
 * NutUI React Taro's styles are written for a 375-wide design, ours for 750: the pxtransform plugin
 * asks per file (NutUI docs pattern). H5's runtime also calls this with a number; that gets 750.
 *
 * Taro's H5 build copies this function's source text into the page bundle, where no compiler helper
 * exists: so no `typeof` (SWC turns it into a `_type_of` helper call, and the page throws
 * `_type_of is not defined`), no optional chaining, nothing newer than ES5. The campaign dashboard's
 * browser journey (e2e/campaign.test.ts) is the page that calls it at run time.
 */
function designWidth(input?: string | number | { file?: string }): number {
  const file = input && (input as { file?: string }).file ? String((input as { file?: string }).file).replace(/\\+/g, '/') : ''
  return file.indexOf('@nutui') >= 0 ? 375 : 750
}

/**
 * The subscribe-message template id (see src/lib/subscribe.ts). Listed in `env` so Taro always inlines
 * it, even when no `.env` file names it: an unreplaced `process.env.…` would throw in the mini-program,
 * which has no `process`. Empty means the local stand-in's id — fine locally, refused by WeChat on a
 * real account, hence the warning on production mini-program builds.
 */
function subscribeTemplateEnv(): Record<string, string> {
  const id = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID?.trim() ?? ''
  if (!id && process.env.TARO_ENV === 'weapp' && process.env.NODE_ENV === 'production') {
    console.warn('TARO_APP_SUBSCRIBE_TEMPLATE_ID is not set: this build asks for the local stand-in template (see miniapp/.env.production)')
  }
  return { TARO_APP_SUBSCRIBE_TEMPLATE_ID: JSON.stringify(id) }
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fangxin',
    date: '2026-11-27',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    // One folder per platform: the weapp and H5 builds would otherwise overwrite each other.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@fangxin/shared$': path.join(sharedSrc, 'index.ts')
    },
    env: subscribeTemplateEnv(),
    defineConstants: {},
    copy: {
      patterns: [],
      options: {}
    },
    // Preact (through preact/compat, which NutUI's React components run on) instead of React: React's
    // reconciler alone was ~90 KB of the main package, Preact's is ~10 KB. Pages are written as React.
    framework: 'preact',
    // The weapp's base.wxml holds one copy of every component's template per level of nesting (~2.7 KB a
    // level): Taro's default 16 levels cost 70 KB of the main package. Deeper nodes render through Taro's
    // recursive `comp` component instead, a little slower; our pages are rarely that deep.
    baseLevel: 8,
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    mini: {
      webpackChain: statsChain,
      // Moves modules used only by one subpackage out of the main package (2 MB limit).
      optimizeMainPackage: {
        enable: true
      },
      compile: {
        include: [sharedSrc]
      },
      // NutUI's per-component stylesheets are independent (each scoped by its own nut-* classes), so the
      // order in which pages pull them into the shared chunk does not matter; without this the extractor
      // warns about "conflicting order" for every page pair. H5 sets the same below.
      miniCssExtractPluginOption: {
        ignoreOrder: true
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // URLs look like /#/pages/merchant/index?id=XXXX, so any static server can host the build.
      router: {
        mode: 'hash'
      },
      compile: {
        include: [sharedSrc]
      },
      webpackChain: h5Chain,
      // Runs NutUI's CSS through Taro's postcss (px → rem with the 375 design width above).
      esnextModules: ['nutui-react'],
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      }
    }
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig())
  }
  return merge({}, baseConfig, prodConfig)
})
