/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Node's own; decides between the development and production build. */
    NODE_ENV: 'development' | 'production'
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /**
     * The mini-program appid written into dist/weapp/project.config.json.
     * @see https://docs.taro.zone/docs/env-mode-config#特殊环境变量-taro_app_id
     */
    TARO_APP_ID?: string
    /** API origin for the weapp build (from `.env.<mode>`); H5 calls the same-origin `/api` instead. */
    TARO_APP_API_BASE?: string
    /**
     * This mini-program account's subscribe-message template id (投诉处理进度提醒, field layout in
     * shared/src/catalogue/subscribe-template.ts); empty = the local stand-in's LOCAL_SUBSCRIBE_TEMPLATE_ID.
     */
    TARO_APP_SUBSCRIBE_TEMPLATE_ID?: string
  }
}
