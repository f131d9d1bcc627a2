import Taro from '@tarojs/taro'
import { COUNTY, type ShopQrCode } from '@fangxin/shared'
import { PosterError } from './poster-error'

/** A4 at 150 dpi: prints sharp on a shop's wall, and stays a few hundred KB as a PNG. */
export const POSTER_WIDTH = 1240
export const POSTER_HEIGHT = 1754

/** What the poster says. */
export interface PosterContent {
  shopId: string
  name: string
  /** 「放心消费参创单位」, 「2025年度放心消费示范企业」; empty when the shop holds none. */
  badgeLabel: string
  badgeKind: 'participant' | 'model' | 'none'
  commitments: ReadonlyArray<{ title: string; explanation: string }>
  qr: ShopQrCode
}

/** A drawn poster: what to show as its preview, and how to keep it (download on H5, album in WeChat). */
export interface RenderedPoster {
  previewSrc: string
  save: () => Promise<void>
}

const FONT = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif'
const RED = '#c1272d'
const MARGIN = 100
const TEXT_WIDTH = POSTER_WIDTH - 2 * MARGIN
/** The QR's largest side, and the white around it that nothing is drawn into (scanners need a quiet zone). */
const QR_MAX = 460
const QR_QUIET = 48
/** Caption and shop id sit under the code, above the bottom band. */
const CAPTION_BASELINE = POSTER_HEIGHT - 110
const ID_BASELINE = POSTER_HEIGHT - 60
const QR_TOP = CAPTION_BASELINE - 72 - QR_MAX
const CAPTION = '微信扫码查看本店承诺、投诉与评价'

/** The slice of the 2D context both platforms offer (browser canvas, WeChat Canvas 2D). */
type Context = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'imageSmoothingEnabled' | 'fillRect' | 'fillText' | 'measureText' | 'drawImage'
>
type QrImage = { width: number; height: number }

/**
 * Breaks text into lines no wider than `width` (character by character: Chinese has no spaces), at most
 * `maxLines`; a cut-off last line ends with an ellipsis.
 */
function wrap(ctx: Context, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  for (let i = 0; i < chars.length; i += 1) {
    const next = line + chars[i]
    if (line !== '' && ctx.measureText(next).width > width) {
      lines.push(line)
      line = chars[i] === ' ' ? '' : (chars[i] ?? '')
      if (lines.length === maxLines) {
        let last = lines[maxLines - 1] ?? ''
        while (last.length > 0 && ctx.measureText(`${last}…`).width > width) last = last.slice(0, -1)
        lines[maxLines - 1] = `${last}…`
        return lines
      }
    } else {
      line = next
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

interface CommitmentLayout {
  titleSize: number
  textSize: number
  /** Lines of explanation per commitment; 0 = titles only. */
  textLines: number
}

/** From the fullest to the tersest: the first that fits the space is used. */
const LAYOUTS: CommitmentLayout[] = [
  { titleSize: 36, textSize: 28, textLines: 3 },
  { titleSize: 34, textSize: 26, textLines: 2 },
  { titleSize: 32, textSize: 24, textLines: 2 },
  { titleSize: 32, textSize: 24, textLines: 1 },
  { titleSize: 32, textSize: 0, textLines: 0 },
  { titleSize: 28, textSize: 0, textLines: 0 }
]

/** Draws the commitments between `top` and `bottom`, as fully as the space allows. */
function drawCommitments(ctx: Context, commitments: PosterContent['commitments'], top: number, bottom: number) {
  const bullet = '✓ '
  const measure = (layout: CommitmentLayout) => {
    ctx.font = `${layout.textSize}px ${FONT}`
    const blocks = commitments.map((c) => ({
      title: c.title,
      lines: layout.textLines > 0 ? wrap(ctx, c.explanation, TEXT_WIDTH - 48, layout.textLines) : []
    }))
    const titleLine = Math.round(layout.titleSize * 1.45)
    const textLine = Math.round(layout.textSize * 1.5)
    const gap = layout.textLines > 1 ? 14 : layout.textLines === 1 ? 10 : 4
    const height = blocks.reduce((sum, b) => sum + titleLine + b.lines.length * textLine + gap, 0)
    return { blocks, titleLine, textLine, gap, height }
  }
  let layout = LAYOUTS[LAYOUTS.length - 1] as CommitmentLayout
  let measured = measure(layout)
  for (const candidate of LAYOUTS) {
    const m = measure(candidate)
    if (m.height <= bottom - top) {
      layout = candidate
      measured = m
      break
    }
  }
  let y = top
  ctx.textAlign = 'left'
  ctx.textBaseline = 'top'
  for (let i = 0; i < measured.blocks.length; i += 1) {
    const block = measured.blocks[i] as { title: string; lines: string[] }
    const rest = measured.blocks.length - i
    // The tersest layout still too tall: say how many more there are rather than draw over the code.
    if (y + measured.titleLine * (rest > 1 ? 2 : 1) > bottom && rest > 1) {
      ctx.font = `${layout.titleSize}px ${FONT}`
      ctx.fillStyle = '#666666'
      ctx.fillText(`…等共 ${measured.blocks.length} 项承诺，扫码查看全部`, MARGIN, y)
      return
    }
    ctx.font = `bold ${layout.titleSize}px ${FONT}`
    ctx.fillStyle = RED
    ctx.fillText(bullet + block.title, MARGIN, y)
    y += measured.titleLine
    ctx.font = `${layout.textSize}px ${FONT}`
    ctx.fillStyle = '#444444'
    for (const line of block.lines) {
      ctx.fillText(line, MARGIN + 48, y)
      y += measured.textLine
    }
    y += measured.gap
  }
}

/**
 * The 放心消费 poster, A4 portrait: a red band with 「放心消费」, the shop's name and badge, its commitments
 * (title and plain meaning, as much as fits), and the shop's code large in the lower half with a white
 * quiet zone, the caption and the shop id under it.
 */
export function drawPoster(ctx: Context, qr: QrImage, content: PosterContent) {
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT)

  // Header band.
  ctx.fillStyle = RED
  ctx.fillRect(0, 0, POSTER_WIDTH, 200)
  ctx.fillStyle = '#ffffff'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  ctx.font = `bold 104px ${FONT}`
  ctx.fillText('放心消费', POSTER_WIDTH / 2, 135)
  ctx.font = `30px ${FONT}`
  ctx.fillText(`${COUNTY.name}放心消费创建`, POSTER_WIDTH / 2, 182)

  // Shop name (up to two lines) and badge.
  ctx.fillStyle = '#1a1a1a'
  ctx.font = `bold 60px ${FONT}`
  let y = 285
  for (const line of wrap(ctx, content.name, TEXT_WIDTH, 2)) {
    ctx.fillText(line, POSTER_WIDTH / 2, y)
    y += 76
  }
  if (content.badgeLabel) {
    ctx.font = `bold 40px ${FONT}`
    ctx.fillStyle = content.badgeKind === 'model' ? '#a66a00' : '#1b7d3a'
    ctx.fillText(`— ${content.badgeLabel} —`, POSTER_WIDTH / 2, y)
    y += 56
  }

  // Divider and the commitments.
  ctx.fillStyle = '#eeeeee'
  ctx.fillRect(MARGIN, y, TEXT_WIDTH, 3)
  ctx.fillStyle = '#1a1a1a'
  ctx.textAlign = 'left'
  ctx.font = `bold 36px ${FONT}`
  ctx.fillText('本店承诺', MARGIN, y + 56)
  drawCommitments(ctx, content.commitments, y + 80, QR_TOP - QR_QUIET)

  // The code: scaled by a whole factor (crisp modules) when it is small, never past QR_MAX.
  const side = Math.max(qr.width, qr.height)
  const size = side <= QR_MAX ? side * Math.max(1, Math.floor(QR_MAX / side)) : QR_MAX
  const x = Math.round((POSTER_WIDTH - size) / 2)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(x - QR_QUIET, QR_TOP - QR_QUIET, size + 2 * QR_QUIET, size + 2 * QR_QUIET)
  ctx.imageSmoothingEnabled = false
  ctx.drawImage(qr as unknown as CanvasImageSource, x, QR_TOP, size, size)
  ctx.imageSmoothingEnabled = true

  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = '#1a1a1a'
  ctx.font = `bold 42px ${FONT}`
  ctx.fillText(CAPTION, POSTER_WIDTH / 2, CAPTION_BASELINE)
  ctx.fillStyle = '#888888'
  ctx.font = `30px ${FONT}`
  ctx.fillText(`店铺编号：${content.shopId}`, POSTER_WIDTH / 2, ID_BASELINE)

  ctx.fillStyle = RED
  ctx.fillRect(0, POSTER_HEIGHT - 24, POSTER_WIDTH, 24)
}

const fileName = (shopId: string) => `poster-${shopId}.png`

/** H5: a real <canvas>, a PNG data URL to preview, and a download through an <a download> link. */
async function renderInBrowser(content: PosterContent): Promise<RenderedPoster> {
  const qr = new Image()
  await new Promise<void>((resolve, reject) => {
    qr.onload = () => resolve()
    qr.onerror = () => reject(new PosterError('二维码图片无法读取，请稍后重试'))
    qr.src = `data:image/png;base64,${content.qr.pngBase64}`
  })
  const canvas = document.createElement('canvas')
  canvas.width = POSTER_WIDTH
  canvas.height = POSTER_HEIGHT
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new PosterError('浏览器不支持绘制海报，请换用新版浏览器或在微信中打开')
  drawPoster(ctx, qr, content)
  const dataUrl = canvas.toDataURL('image/png')
  return {
    previewSrc: dataUrl,
    save: async () => {
      const link = document.createElement('a')
      link.href = dataUrl
      link.download = fileName(content.shopId)
      link.style.display = 'none'
      document.body.appendChild(link)
      link.click()
      document.body.removeChild(link)
    }
  }
}

/** WeChat's album permission: asked for once; after a refusal only the settings page can grant it. */
async function ensureAlbumPermission(): Promise<void> {
  try {
    await Taro.authorize({ scope: 'scope.writePhotosAlbum' })
  } catch {
    const { confirm } = await Taro.showModal({
      title: '需要保存到相册的权限',
      content: '海报要保存到手机相册才能打印或转发。请在设置中允许「添加到相册」，再点一次「保存海报」。',
      confirmText: '去设置',
      cancelText: '暂不'
    })
    if (confirm) await Taro.openSetting().catch(() => undefined)
    throw new PosterError('没有保存到相册的权限，海报未保存')
  }
}

/** Writes base64 PNG bytes to a file of the mini-program's own (images there load on every client). */
function writePng(name: string, base64: string): string {
  const path = `${Taro.env.USER_DATA_PATH}/${name}`
  Taro.getFileSystemManager().writeFileSync(path, base64, 'base64')
  return path
}

/**
 * WeChat: an offscreen Canvas 2D, exported to a temporary PNG (the preview), saved to the album on request.
 * Some clients cannot export an offscreen canvas with canvasToTempFilePath (iOS); its data URL, written to
 * a file, is the fallback.
 */
async function renderInWeChat(content: PosterContent): Promise<RenderedPoster> {
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: POSTER_WIDTH, height: POSTER_HEIGHT })
  const ctx = canvas.getContext('2d') as unknown as Context
  const qr = canvas.createImage()
  await new Promise<void>((resolve, reject) => {
    qr.onload = () => resolve()
    qr.onerror = () => reject(new PosterError('二维码图片无法读取，请稍后重试'))
    qr.src = writePng(`fangxin-qr-${content.shopId}.png`, content.qr.pngBase64)
  })
  drawPoster(ctx, qr, content)
  let filePath: string
  try {
    const result = await Taro.canvasToTempFilePath({
      canvas: canvas as unknown as Taro.Canvas,
      fileType: 'png',
      destWidth: POSTER_WIDTH,
      destHeight: POSTER_HEIGHT
    } as Taro.canvasToTempFilePath.Option)
    filePath = result.tempFilePath
  } catch (error) {
    const toDataURL = (canvas as unknown as { toDataURL?: (type: string) => string }).toDataURL
    if (!toDataURL) throw error
    const dataUrl = toDataURL.call(canvas, 'image/png')
    filePath = writePng(fileName(content.shopId), dataUrl.replace(/^data:image\/png;base64,/, ''))
  }
  return {
    previewSrc: filePath,
    save: async () => {
      await ensureAlbumPermission()
      try {
        await Taro.saveImageToPhotosAlbum({ filePath })
      } catch (error) {
        const message = (error as { errMsg?: string }).errMsg ?? ''
        if (/cancel/i.test(message)) throw new PosterError('已取消保存')
        throw new PosterError('海报保存失败，请稍后重试')
      }
    }
  }
}

/** Draws the poster on this platform's canvas. Our own failures are PosterErrors, with a Chinese message. */
export function renderPoster(content: PosterContent): Promise<RenderedPoster> {
  return process.env.TARO_ENV === 'h5' ? renderInBrowser(content) : renderInWeChat(content)
}
