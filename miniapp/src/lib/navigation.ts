import Taro from '@tarojs/taro'
import { safeDecode } from './decode'
import { signInReturn } from './sign-in-return'

export const PAGES = {
  home: '/pages/index/index',
  shop: '/pages/merchant/index',
  login: '/pages/login/index',
  newComplaint: '/pages/complaint-new/index',
  myComplaints: '/pages/complaints/index',
  complaint: '/pages/complaint/index',
  directory: '/pages/directory/index',
  merchantQueue: '/merchant/pages/queue/index',
  merchantHandle: '/merchant/pages/handle/index',
  merchantApply: '/merchant/pages/apply/index',
  merchantBind: '/merchant/pages/bind/index',
  merchantShop: '/merchant/pages/shop/index',
  triage: '/admin/pages/triage/index',
  adminCase: '/admin/pages/case/index',
  registry: '/admin/pages/registry/index',
  creditList: '/admin/pages/credit/index',
  notificationProblems: '/admin/pages/notification-problems/index',
  moderation: '/admin/pages/moderation/index',
  calendar: '/admin/pages/calendar/index',
  dashboard: '/admin/pages/dashboard/index',
  yearTasks: '/admin/pages/tasks/index',
  inspections: '/admin/pages/inspections/index',
  inspect: '/admin/pages/inspect/index',
  inspection: '/admin/pages/inspection/index',
  rectifications: '/admin/pages/rectifications/index',
  rectification: '/admin/pages/rectification/index',
  assessment: '/admin/pages/assessment/index',
  scorecard: '/admin/pages/scorecard/index',
  bulletin: '/admin/pages/bulletin/index',
  merchantRectifications: '/merchant/pages/rectifications/index',
  merchantRectification: '/merchant/pages/rectification/index',
  merchantScorecard: '/merchant/pages/scorecard/index',
  partyNotice: '/consumer/pages/notice/index',
  quiz: '/campaign/pages/quiz/index',
  survey: '/campaign/pages/survey/index',
  campaignAdmin: '/admin/pages/campaign/index',
  article: '/info/pages/article/index',
  articles: '/info/pages/articles/index',
  recall: '/info/pages/recall/index',
  recalls: '/info/pages/recalls/index',
  statistics: '/info/pages/statistics/index',
  privacy: '/info/pages/privacy/index',
  adminContent: '/admin/pages/content/index',
  adminRecalls: '/admin/pages/recalls/index',
  merchantRecalls: '/merchant/pages/recalls/index',
  adminStations: '/admin/pages/stations/index',
  adminFollowUps: '/admin/pages/follow-ups/index',
  claimComplaint: '/consumer/pages/claim/index',
  stationHome: '/station/pages/home/index',
  stationJoin: '/station/pages/join/index',
  stationFile: '/station/pages/file/index',
  stationReceipt: '/station/pages/receipt/index',
  stationLedger: '/station/pages/ledger/index',
  stationFollowUps: '/station/pages/follow-ups/index',
  stationCase: '/station/pages/case/index'
} as const

/** Builds `path?a=1&b=2`, URI-encoding every value and dropping unset ones. */
export function pageUrl(path: string, params: Record<string, string | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/** The page being shown, with its parameters (minus the router's own), for "come back here after sign-in". */
/**
 * Opens a page on top of this one, keeping this one (and what was typed in it) underneath; when WeChat's page
 * stack is full (ten pages) there is no room on top, and the page takes this one's place instead.
 */
export function openOver(url: string): void {
  void Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }))
}

export function currentPageUrl(): string | undefined {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return undefined
  const path = router.path.split('?')[0] ?? router.path
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(router.params ?? {})) {
    // `stamp` (H5 router) and `$taroTimestamp` (mini-program) are Taro's bookkeeping, not ours.
    if (name === 'stamp' || name.startsWith('$') || typeof value !== 'string') continue
    params[name] = safeDecode(value)
  }
  return pageUrl(path.startsWith('/') ? path : `/${path}`, params)
}

let leavingForSignIn = false

/**
 * Opens the sign-in page, remembering where to come back to. Several requests failing with 401 at once open
 * it only once. `over`: the session ran out on a page in use (a request refused mid-form): the sign-in page
 * opens on top and goes back to it afterwards, so the page — and what was typed into it — stays as it was.
 * Otherwise it takes the current page's place and opens `redirect` afresh after sign-in.
 */
export function goToSignIn(redirect: string | undefined = currentPageUrl(), { over = false }: { over?: boolean } = {}): void {
  if (leavingForSignIn) return
  if (redirect?.startsWith(PAGES.login)) return
  leavingForSignIn = true
  const inPlace = pageUrl(PAGES.login, { redirect })
  const opening = over
    ? // A full page stack (WeChat keeps ten) leaves no room on top: take the page's place after all.
      Taro.navigateTo({ url: pageUrl(PAGES.login, { redirect, back: '1' }) }).catch(() => Taro.redirectTo({ url: inPlace }))
    : Taro.redirectTo({ url: inPlace }).catch(() => Taro.navigateTo({ url: inPlace }))
  void opening.finally(() => {
    leavingForSignIn = false
  })
}

/** After signing in: see {@link signInReturn}. `back` is the sign-in page's own `back` parameter. */
export function returnAfterSignIn(redirect: string | undefined, back = false): void {
  const next = signInReturn({ redirect, back, pagesBelow: Taro.getCurrentPages().length - 1, loginPath: PAGES.login, homePath: PAGES.home })
  if (next.kind === 'back') {
    void Taro.navigateBack().catch(() => Taro.reLaunch({ url: PAGES.home }))
  } else if (next.kind === 'open') {
    void Taro.redirectTo({ url: next.url }).catch(() => Taro.reLaunch({ url: PAGES.home }))
  } else {
    void Taro.reLaunch({ url: PAGES.home })
  }
}
