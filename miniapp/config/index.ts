import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type { IH5Config } from '@tarojs/taro/types/compile'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * The workspace package `@fangxin/shared` is plain TypeScript (no build step). Webpack follows the
 * node_modules symlink to its real path, which lies outside `src/`, so Taro's babel rule would skip it:
 * it is added to `compile.include` for both platforms, and aliased straight to its source.
 */
const sharedSrc = path.resolve(__dirname, '..', '..', 'shared', 'src')

/**
 * The app imports `@fangxin/shared` through its barrel, which also re-exports server-side domain code
 * (e.g. a holiday calendar JSON). Declaring its modules side-effect free lets webpack drop every module
 * the app does not use, so only what a page needs reaches the main package.
 */
type WebpackChain = Parameters<NonNullable<IH5Config['webpackChain']>>[0]

function treeShakeShared(chain: WebpackChain) {
  // webpack-chain's typings lack Rule#sideEffects; `set` writes the same webpack rule option.
  chain.module.rule('fangxin-shared-side-effect-free').include.add(sharedSrc).end().set('sideEffects', false)
}

/**
 * NutUI React Taro's styles are written for a 375-wide design, ours for 750: the pxtransform plugin
 * asks per file (NutUI docs pattern). H5's runtime also calls this with a number; that gets 750.
 */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input?.file ? input.file.replace(/\\+/g, '/') : ''
  return file.includes('@nutui') ? 375 : 750
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
    defineConstants: {},
    copy: {
      patterns: [],
      options: {}
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    mini: {
      // Moves modules used only by one subpackage out of the main package (2 MB limit).
      optimizeMainPackage: {
        enable: true
      },
      compile: {
        include: [sharedSrc]
      },
      webpackChain: treeShakeShared,
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
      webpackChain: treeShakeShared,
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
