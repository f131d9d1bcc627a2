import { PosterError, posterFailureText } from '../src/merchant/poster-error'

const FALLBACK = '海报生成失败，请点「重新生成」再试一次'

describe('what the poster section shows when drawing or saving fails', () => {
  it('shows our own Chinese messages', () => {
    expect(posterFailureText(new PosterError('二维码图片无法读取，请稍后重试'), FALLBACK)).toEqual({ text: '二维码图片无法读取，请稍后重试', worded: true })
    const apiError = Object.assign(new Error('网络不可用，请检查网络后重试'), { name: 'ApiError', code: 'NETWORK' })
    expect(posterFailureText(apiError, FALLBACK)).toEqual({ text: '网络不可用，请检查网络后重试', worded: true })
  })

  it('never shows WeChat’s or the canvas’s English detail', () => {
    expect(posterFailureText(new Error('canvasToTempFilePath:fail create bitmap failed'), FALLBACK)).toEqual({ text: FALLBACK, worded: false })
    expect(posterFailureText({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' }, FALLBACK)).toEqual({ text: FALLBACK, worded: false })
    expect(posterFailureText(new PosterError(''), FALLBACK)).toEqual({ text: FALLBACK, worded: false })
  })
})
