import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Hand-written Taro 4 config (domain-facts §9: `taro init` needs the network).
 * weapp builds into dist/ (WeChat DevTools opens it through the root project.config.json),
 * h5 into dist-h5/ (served by the Koa server at /).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const sharedSrc = path.resolve(__dirname, '../../shared/src')
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhengwu-miniapp',
    date: '2026-11-21',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    env: {
      // Where the mini-program finds the API. h5 is served by the API server itself.
      TARO_APP_API_BASE_URL: JSON.stringify(isH5 ? '' : process.env.TARO_APP_API_BASE_URL ?? 'http://127.0.0.1:3000'),
    },
    alias: {
      '@': path.resolve(__dirname, '../src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      // zod (used through @zw/shared) goes with the shared code into `common` instead of
      // `vendors`: there its unused parts are dropped (≈300 KB less in the main package).
      webpackChain(chain) {
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              zod: { name: 'common', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 20, minChunks: 1, enforce: true },
            },
          },
        })
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [sharedSrc] },
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
