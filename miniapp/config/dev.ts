import type { UserConfigExport } from '@tarojs/cli'

/**
 * Development builds (`--watch`): verbose logger, dev server on loopback only. Taro has loaded
 * `.env.development` into process.env by now; the H5 app calls the same-origin `/api`, so the dev
 * server forwards it to the local API at TARO_APP_API_BASE.
 */
export default function devConfig(): UserConfigExport<'webpack5'> {
  const apiBase = process.env.TARO_APP_API_BASE
  if (!apiBase) throw new Error('TARO_APP_API_BASE is not set; see miniapp/.env.development')
  return {
    logger: {
      quiet: false,
      stats: true
    },
    mini: {},
    h5: {
      devServer: {
        host: '127.0.0.1',
        // React fast refresh needs @pmmmwh/react-refresh-webpack-plugin + react-refresh, not installed;
        // without hot, the page reloads on change instead.
        hot: false,
        proxy: {
          '/api': { target: apiBase, pathRewrite: { '^/api': '' }, changeOrigin: true }
        }
      }
    }
  }
}
