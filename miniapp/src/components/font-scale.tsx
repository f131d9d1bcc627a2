import { useEffect, useState, type CSSProperties } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import {
  effectiveFontScale,
  LARGE_TEXT_STORAGE_KEY,
  measureBrowserDefaultScale,
  MIN_FONT_SCALE,
  scaleFromUrl,
  scaleFromWeChat
} from '@/lib/font-scale'

/**
 * The class every consumer page's root carries: app.css scales NutUI's type tokens there, from the
 * `--fx-font-scale` the same root sets (a custom property built from another resolves where it is declared,
 * so the two must sit on one element).
 */
export const FONT_SCALE_ROOT = 'fx-text-root'

/** The device's own scale, read once and again whenever a page shows (the setting may change meanwhile). */
let deviceScale: number | undefined
/** The H5 `fontScale` hook, kept for the session once a URL carried it (later routes do not repeat it). */
let urlScale: number | undefined
/** The 「大字模式」 switch; undefined until read from storage. */
let largeText: boolean | undefined
const listeners = new Set<() => void>()

/** The font fields WeChat documents on getAppBaseInfo, which Taro's typings do not list yet. */
type WeChatFontInfo = { fontSizeScaleFactor?: number; fontSizeSetting?: number }

function readDeviceScale(): number {
  if (process.env.TARO_ENV === 'h5') {
    urlScale = scaleFromUrl(window.location.href) ?? urlScale
    return urlScale ?? measureBrowserDefaultScale(document)
  }
  try {
    // getAppBaseInfo (base library 2.20.1+) carries the font fields on current clients; older ones only
    // in getSystemInfoSync, which WeChat deprecates but still answers.
    const base = typeof Taro.getAppBaseInfo === 'function' ? (Taro.getAppBaseInfo() as Taro.getAppBaseInfo.Result & WeChatFontInfo) : undefined
    if (base && (base.fontSizeScaleFactor !== undefined || base.fontSizeSetting !== undefined)) return scaleFromWeChat(base)
    return scaleFromWeChat(Taro.getSystemInfoSync())
  } catch {
    return MIN_FONT_SCALE
  }
}

function readLargeText(): boolean {
  try {
    return Taro.getStorageSync(LARGE_TEXT_STORAGE_KEY) === true
  } catch {
    return false
  }
}

function currentScale(): number {
  if (deviceScale === undefined) deviceScale = readDeviceScale()
  if (largeText === undefined) largeText = readLargeText()
  return effectiveFontScale(deviceScale, largeText)
}

/** Turns 「大字模式」 on or off, for every open page, and keeps the choice on the device. */
export function setLargeText(on: boolean): void {
  largeText = on
  try {
    Taro.setStorageSync(LARGE_TEXT_STORAGE_KEY, on)
  } catch (error) {
    // Storage full or unavailable: the mode still holds until the app is closed.
    console.warn('could not keep the large-text choice', error)
  }
  listeners.forEach((listener) => listener())
}

/** The text scale and the 「大字模式」 switch, kept current when either changes. */
export function useFontScale(): { scale: number; largeText: boolean } {
  const [state, setState] = useState(() => ({ scale: currentScale(), largeText: largeText === true }))
  useEffect(() => {
    const update = () => setState({ scale: currentScale(), largeText: largeText === true })
    listeners.add(update)
    return () => {
      listeners.delete(update)
    }
  }, [])
  useDidShow(() => {
    deviceScale = readDeviceScale()
    setState({ scale: currentScale(), largeText: largeText === true })
  })
  return state
}

/**
 * Props for a consumer page's root View: its own classes plus the scaling root, and the scale as
 * `--fx-font-scale` — `<View {...useScaledRoot('home-page')}>`.
 */
export function useScaledRoot(className: string): { className: string; style: CSSProperties } {
  const { scale } = useFontScale()
  return {
    className: `${className} ${FONT_SCALE_ROOT}${scale > MIN_FONT_SCALE ? ' fx-text-root--large' : ''}`,
    style: { '--fx-font-scale': String(scale) } as CSSProperties
  }
}
