/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'h5'
    /** Base URL of the API for the mini-program build; '' in h5 (same origin). */
    TARO_APP_API_BASE_URL: string
  }
}
