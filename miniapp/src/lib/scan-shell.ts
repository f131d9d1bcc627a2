import { SHELL_ELEMENT_ID, type ShellAnswer, type ShellWindow } from '@/h5-shell/handoff'

/**
 * The app's side of the H5 scan shell (src/h5-shell): take the shop answer the shell already asked for, and
 * remove the shell once the page itself shows. Nothing in the mini-program: Taro inlines TARO_ENV, so
 * there these are empty functions.
 */

/** The shell's answer for this shop, once (a retry asks the server again); undefined when there is none. */
export function takeShellAnswer(id: string): Promise<ShellAnswer | undefined> | undefined {
  if (process.env.TARO_ENV !== 'h5') return undefined
  const state = (window as ShellWindow).__fangxinScanShell
  if (!state || state.taken || state.id !== id) return undefined
  state.taken = true
  return state.answer
}

/** The page shows (its shop, or why not): the shell goes, and does not come back if its answer is late. */
export function dismissScanShell(): void {
  if (process.env.TARO_ENV !== 'h5') return
  const state = (window as ShellWindow).__fangxinScanShell
  if (state) state.dismissed = true
  document.getElementById(SHELL_ELEMENT_ID)?.remove()
}
