import Taro from '@tarojs/taro'
import { PAGES } from './navigation'
import { createPrivacyGate } from './privacy-gate'

/** Opens the 个人信息保护说明 (info subpackage). */
export function openPrivacyNotice(): Promise<unknown> {
  return Taro.navigateTo({ url: PAGES.privacy })
}

/**
 * The app's one privacy gate (privacy-gate.ts): the consent dialogs (components/privacy-consent.tsx) attach to
 * it, and WeChat's held privacy calls go through it. A page with no dialog sends the person to the notice page,
 * which has one, and brings them back once they decided.
 */
export const privacyGate = createPrivacyGate({
  noHostOn: () => void openPrivacyNotice().catch(() => privacyGate.disagree()),
  settledAway: () => void Taro.navigateBack().catch(() => undefined)
})

/**
 * Registered once, at app start: WeChat holds every privacy API (chooseImage, saveImageToPhotosAlbum,
 * setClipboardData, authorize for the album …) until the person agreed to the 用户隐私保护指引, and asks here.
 * Only in the mini-program: H5 has neither the APIs nor the guide. Older WeChat clients without the event do
 * not hold the calls either.
 */
export function listenForPrivacyAuthorization(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const pages = Taro.getCurrentPages()
    privacyGate.request(resolve, pages[pages.length - 1]?.route ?? '')
  })
}
