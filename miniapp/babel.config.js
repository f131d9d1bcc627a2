// babel-preset-taro options and defaults: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    ['taro', {
      framework: 'preact',
      ts: true,
      compiler: 'webpack5',
      // No React fast refresh (react-refresh is not installed); matches h5.devServer.hot in config/dev.ts.
      hot: false,
    }]
  ],
  // On-demand NutUI components, icons and styles (see the file for why).
  plugins: ['./babel/nutui-on-demand']
}
