import type { MerchantPublicView } from '@fangxin/shared'
import { BADGE_COLORS } from '../components/badge-colors'
import { LARGE_TEXT_STORAGE_KEY, effectiveFontScale, largeTextFromStoredItem, measureBrowserDefaultScale, scaleFromUrl } from '../lib/font-scale'
import { safeDecode } from '../lib/decode'
import { checkShopCode, shopIdFromParams } from '../lib/shop-id'
import { SHELL_ELEMENT_ID, type ShellAnswer, type ShellState, type ShellWindow } from './handoff'

/**
 * The H5 scan page's shell: a consumer who scans a shop's code on a slow phone sees the shop and its
 * commitments as soon as the one API answer arrives, instead of after the app's scripts have downloaded
 * and run (a second or more on county 4G). Compiled into index.html (config/scan-preload.ts); plain DOM,
 * no framework. It draws only what the page draws first — standing, name, badge, address, record,
 * commitments — as text (never as HTML), and nothing to tap: the app's page replaces it, buttons and all.
 * Anything unexpected (another route, a bad id, an error answer, an odd body) and it draws nothing.
 */

/** The scan page's hash route. */
export const SCAN_PATH = '/pages/merchant/index'

export interface ScanShellConfig {
  /** The scan page's script and style files, preloaded while the app's own script downloads. */
  files: string[]
  publicPath: string
  /** Where the H5 build calls the API (same origin). */
  apiBase: string
  /**
   * The app's entry scripts, in order. index.html preloads them but does not run them: the shell does
   * (see `startScanShell`).
   */
  app: string[]
}

/**
 * The longest the app's scripts wait for the shell. Past this the shop's answer is slow, and the app had
 * better get ready in the meantime (it takes the same answer when it comes).
 */
export const SHELL_WAIT_MS = 1000

/**
 * The longest the shell waits for the shop. The app's own request gives up after 15 s and offers 重试; the
 * page takes the shell's answer instead of asking, so an answer that never comes (a stalled line) would
 * leave it at 「正在加载店铺信息…」 for good. Past this the shell's answer is "none" and the page asks
 * itself, ending in the shop or in the error view with 重试.
 */
export const SHELL_ANSWER_MS = 10_000

type ShellFetch = (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<Pick<Response, 'status' | 'text'>>

/**
 * Asks for the shop, bounded by `withinMs`: the answer, or undefined for no answer in time, no network, or
 * a body that could not be read. A request given up on is aborted where the browser can, so the page's own
 * request does not queue behind it.
 */
export function askForShop(
  win: { fetch: ShellFetch; setTimeout: (run: () => void, ms: number) => unknown; AbortController?: typeof AbortController },
  url: string,
  withinMs = SHELL_ANSWER_MS
): Promise<ShellAnswer | undefined> {
  const abort = typeof win.AbortController === 'function' ? new win.AbortController() : undefined
  return new Promise((resolve) => {
    let settled = false
    const settle = (answer: ShellAnswer | undefined) => {
      if (settled) return
      settled = true
      resolve(answer)
    }
    win.setTimeout(() => {
      if (settled) return
      settle(undefined)
      abort?.abort()
    }, withinMs)
    win
      .fetch(url, { headers: { Accept: 'application/json' }, ...(abort ? { signal: abort.signal } : {}) })
      .then((response) => response.text().then((text) => settle({ status: response.status, body: parseJson(text) })))
      .catch(() => settle(undefined))
  })
}

/** The query of the hash route when it is the scan page's, as decoded parameters. */
export function scanPageParams(hash: string): Record<string, string> | undefined {
  const match = /^#([^?]*)(?:\?(.*))?$/.exec(hash)
  if (!match || match[1] !== SCAN_PATH) return undefined
  const params: Record<string, string> = {}
  for (const pair of (match[2] ?? '').split('&')) {
    const at = pair.indexOf('=')
    if (at > 0 && !(pair.slice(0, at) in params)) params[pair.slice(0, at)] = safeDecode(pair.slice(at + 1))
  }
  return params
}

/** The shop a scan link names, read and checked exactly as the page reads and checks it. */
export function scanShopId(hash: string): string | undefined {
  const params = scanPageParams(hash)
  const raw = params ? shopIdFromParams(params) : undefined
  if (raw === undefined) return undefined
  const checked = checkShopCode(raw)
  return checked.ok ? checked.id : undefined
}

/** What the shell draws: the first screen of the shop page. */
export type ShellShop = Pick<
  MerchantPublicView,
  'id' | 'name' | 'typeLabel' | 'sectorLabel' | 'townName' | 'address' | 'statusNotice' | 'badge' | 'commitmentsSince'
> & {
  commitments: Array<Pick<MerchantPublicView['commitments'][number], 'key' | 'title' | 'explanation' | 'legalBasis' | 'custom'>>
  trackRecord: Pick<MerchantPublicView['trackRecord'], 'summary'>
}

const isText = (value: unknown): value is string => typeof value === 'string'
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** The fields the shell draws, when the body has them all with the right types; else undefined. */
export function readShop(body: unknown): ShellShop | undefined {
  if (!isRecord(body)) return undefined
  const { id, name, typeLabel, sectorLabel, townName, address, statusNotice, badge, commitmentsSince, commitments, trackRecord } = body
  if (![id, name, typeLabel, sectorLabel, townName, address, commitmentsSince].every(isText)) return undefined
  if (statusNotice !== undefined && !isText(statusNotice)) return undefined
  if (!isRecord(badge) || !isText(badge.label) || !(badge.kind === 'none' || badge.kind === 'model' || badge.kind === 'participant')) return undefined
  if (!isRecord(trackRecord) || !isText(trackRecord.summary)) return undefined
  if (!Array.isArray(commitments)) return undefined
  const drawn: ShellShop['commitments'] = []
  for (const item of commitments) {
    if (!isRecord(item) || !isText(item.key) || !isText(item.title) || !isText(item.explanation) || typeof item.custom !== 'boolean') return undefined
    if (item.legalBasis !== undefined && !isText(item.legalBasis)) return undefined
    drawn.push({ key: item.key, title: item.title, explanation: item.explanation, custom: item.custom, ...(item.legalBasis ? { legalBasis: item.legalBasis } : {}) })
  }
  return {
    id: id as string,
    name: name as string,
    typeLabel: typeLabel as string,
    sectorLabel: sectorLabel as string,
    townName: townName as string,
    address: address as string,
    ...(statusNotice ? { statusNotice: statusNotice as string } : {}),
    badge: { kind: badge.kind, label: badge.label },
    commitmentsSince: commitmentsSince as string,
    commitments: drawn,
    trackRecord: { summary: trackRecord.summary },
  }
}

/** The page's look at a 375-wide viewport (its stylesheet's 750-wide px, halved), scaled like the page. */
const STYLE = `
#${SHELL_ELEMENT_ID}{position:fixed;top:0;right:0;bottom:0;left:0;z-index:10000;overflow-y:auto;background:#f7f8fa;color:#1a1a1a;
font-family:sans-serif;--s:var(--fx-font-scale,1)}
#${SHELL_ELEMENT_ID} .fx-notice{padding:10px 16px;background:#fbf8dc;color:#d9500b;font-size:calc(14px*var(--s));line-height:1.5}
#${SHELL_ELEMENT_ID} .fx-header{padding:20px 16px 10px;background:#fff}
#${SHELL_ELEMENT_ID} .fx-name{font-size:calc(22px*var(--s));font-weight:600;line-height:1.35;word-break:break-all}
#${SHELL_ELEMENT_ID} .fx-tags{display:flex;flex-wrap:wrap;margin-top:10px}
#${SHELL_ELEMENT_ID} .fx-tag{margin:0 6px 6px 0;padding:0 6px;border:1px solid #666;border-radius:3px;color:#666;font-size:calc(12px*var(--s));line-height:calc(20px*var(--s))}
#${SHELL_ELEMENT_ID} .fx-badge{border:0;font-weight:600}
#${SHELL_ELEMENT_ID} .fx-custom{display:inline-block;margin:0 0 0 6px;border-color:#c27c0e;color:#c27c0e;font-weight:400;vertical-align:middle}
#${SHELL_ELEMENT_ID} .fx-group{padding:15px 16px 5px;color:#909ca4;font-size:calc(13px*var(--s))}
#${SHELL_ELEMENT_ID} .fx-cell{padding:13px 16px;background:#fff;border-bottom:1px solid #f5f6f7}
#${SHELL_ELEMENT_ID} .fx-cell-title{font-size:calc(15px*var(--s))}
#${SHELL_ELEMENT_ID} .fx-cell-text{display:block;margin-top:4px;font-size:calc(14px*var(--s));line-height:1.6;color:#333}
#${SHELL_ELEMENT_ID} .fx-commitment .fx-cell-title{font-size:calc(16px*var(--s));font-weight:600}
#${SHELL_ELEMENT_ID} .fx-legal{display:block;margin-top:4px;font-size:calc(11px*var(--s));line-height:1.5;color:#999}
#${SHELL_ELEMENT_ID} .fx-record{margin-top:8px;padding:14px 16px;background:#fff}
#${SHELL_ELEMENT_ID} .fx-record-title{font-size:calc(14px*var(--s));color:#888}
#${SHELL_ELEMENT_ID} .fx-record-summary{margin-top:6px;font-size:calc(15px*var(--s));line-height:1.5}
#${SHELL_ELEMENT_ID} .fx-since{padding:4px 16px;font-size:calc(12px*var(--s));color:#666}
#${SHELL_ELEMENT_ID} .fx-wait{padding:16px;margin-top:16px;background:#fff;color:#666;font-size:calc(13px*var(--s));text-align:center}
`

/** One element with a class and text (text, never markup: names and notices are the shop's own words). */
function element(doc: Document, className: string, text?: string): HTMLElement {
  const node = doc.createElement('div')
  node.className = className
  if (text !== undefined) node.textContent = text
  return node
}

/** The shell's DOM for one shop, its stylesheet included. */
export function renderShell(doc: Document, shop: ShellShop, fontScale: number): HTMLElement {
  const root = element(doc, 'fx-shell')
  root.id = SHELL_ELEMENT_ID
  // Not yet the page: assistive technology hears that it is still loading.
  root.setAttribute('aria-busy', 'true')
  root.style.setProperty('--fx-font-scale', String(fontScale))
  const style = doc.createElement('style')
  style.textContent = STYLE
  root.appendChild(style)

  if (shop.statusNotice) {
    const notice = element(doc, 'fx-notice', shop.statusNotice)
    notice.setAttribute('role', 'alert')
    root.appendChild(notice)
  }
  const header = element(doc, 'fx-header')
  header.appendChild(element(doc, 'fx-name', shop.name))
  const tags = element(doc, 'fx-tags')
  if (shop.badge.kind !== 'none') {
    const badge = element(doc, 'fx-tag fx-badge', shop.badge.label)
    badge.style.background = BADGE_COLORS[shop.badge.kind].background
    badge.style.color = BADGE_COLORS[shop.badge.kind].color
    tags.appendChild(badge)
  }
  tags.appendChild(element(doc, 'fx-tag', shop.typeLabel))
  tags.appendChild(element(doc, 'fx-tag', shop.sectorLabel))
  header.appendChild(tags)
  root.appendChild(header)

  root.appendChild(element(doc, 'fx-group', '店铺信息'))
  const address = element(doc, 'fx-cell')
  address.appendChild(element(doc, 'fx-cell-title', '地址'))
  address.appendChild(element(doc, 'fx-cell-text', `${shop.townName} ${shop.address}`))
  root.appendChild(address)

  const record = element(doc, 'fx-record')
  record.appendChild(element(doc, 'fx-record-title', '投诉处理记录'))
  record.appendChild(element(doc, 'fx-record-summary', shop.trackRecord.summary))
  root.appendChild(record)

  root.appendChild(element(doc, 'fx-group', '本店承诺'))
  if (shop.commitments.length === 0) root.appendChild(element(doc, 'fx-cell', '该店暂未公示承诺'))
  for (const commitment of shop.commitments) {
    const cell = element(doc, 'fx-cell fx-commitment')
    const heading = element(doc, 'fx-cell-title', commitment.title)
    if (commitment.custom) heading.appendChild(element(doc, 'fx-tag fx-custom', '商家自定承诺'))
    cell.appendChild(heading)
    cell.appendChild(element(doc, 'fx-cell-text', commitment.explanation))
    if (commitment.legalBasis) cell.appendChild(element(doc, 'fx-legal', commitment.legalBasis))
    root.appendChild(cell)
  }
  root.appendChild(element(doc, 'fx-since', `以上承诺自 ${shop.commitmentsSince} 起生效`))
  root.appendChild(element(doc, 'fx-wait', '投诉入口加载中…'))
  return root
}

/**
 * The text scale the page will use (components/font-scale.tsx, H5): the `fontScale` hook or the browser's
 * default font size, raised by 「大字模式」 when it is on.
 */
function shellFontScale(win: Window): number {
  let largeText = false
  try {
    largeText = largeTextFromStoredItem(win.localStorage.getItem(LARGE_TEXT_STORAGE_KEY))
  } catch {
    // Storage refused (a private window): the mode is off, as the page will find it.
  }
  return effectiveFontScale(scaleFromUrl(win.location.href) ?? measureBrowserDefaultScale(win.document), largeText)
}

function preload(doc: Document, href: string, as: string): void {
  const link = doc.createElement('link')
  link.rel = 'preload'
  link.as = as
  link.href = href
  doc.head.appendChild(link)
}

/**
 * Runs in index.html's head, before anything else: on the scan route only, asks for the shop, preloads the
 * page's files, and when the answer is a shop (and the app has not shown its page yet) draws the shell
 * over the app while it loads. The answer is left for the app (handoff.ts), so the page costs one request.
 *
 * It also starts the app. The app's scripts download from the start (index.html preloads them), but on a
 * slow phone running them holds the main thread for a second or more, and a shop answer that arrives
 * meanwhile waits behind them: so on the scan route they run once the shell is on screen — or at once
 * when there is nothing to draw, and never later than SHELL_WAIT_MS. Everywhere else they run as before.
 */
export function startScanShell(win: Window & ShellWindow, config: ScanShellConfig): void {
  const doc = win.document
  let started = false
  const startApp = () => {
    if (started) return
    started = true
    whenParsed(doc, () => {
      for (const src of config.app) {
        const script = doc.createElement('script')
        script.src = src
        // In order, as the deferred tags they replace ran.
        script.async = false
        doc.head.appendChild(script)
      }
    })
  }
  try {
    if (!scanPageParams(win.location.hash)) return startApp()
    const id = scanShopId(win.location.hash)
    // The shop first: the browser opens a handful of connections per host, and the files would take them all.
    const answer: Promise<ShellAnswer | undefined> | undefined =
      id && typeof win.fetch === 'function' ? askForShop(win, `${config.apiBase}/merchants/${id}`) : undefined
    for (const file of config.files) preload(doc, config.publicPath + file, /\.css$/.test(file) ? 'style' : 'script')
    if (!id || !answer) return startApp()
    const state: ShellState = { id, answer, taken: false, dismissed: false }
    win.__fangxinScanShell = state
    win.setTimeout(startApp, SHELL_WAIT_MS)
    answer
      .then((got) => {
        const shop = got && got.status === 200 ? readShop(got.body) : undefined
        if (!shop || shop.id !== id || state.dismissed) return startApp()
        // The body is enough (the shell is fixed over the page): not waiting for the whole document, which
        // waits for the stylesheet, queued behind the preloads on a slow line.
        whenBodyExists(doc, () => {
          if (state.dismissed) return startApp()
          doc.body.appendChild(renderShell(doc, shop, shellFontScale(win)))
          // Leaving the scan route (the back button) takes the shell away with it.
          win.addEventListener('hashchange', () => {
            if (!scanPageParams(win.location.hash)) doc.getElementById(SHELL_ELEMENT_ID)?.remove()
          })
          // The frame after the shell's: it is on screen before the app's scripts take the thread.
          win.requestAnimationFrame(() => win.setTimeout(startApp, 0))
        })
      })
      .catch(startApp)
  } catch (error) {
    // Whatever goes wrong here, the app still starts.
    startApp()
    throw error
  }
}

/** Runs `then` once the parser has opened the body. */
function whenBodyExists(doc: Document, then: () => void): void {
  if (doc.body) then()
  else whenParsed(doc, then)
}

/** Runs `then` once the document's HTML has been read (the body and `#app` exist). */
function whenParsed(doc: Document, then: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', then)
  else then()
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
