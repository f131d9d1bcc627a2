/**
 * What the H5 scan shell (scan-shell.ts, inlined into index.html) and the app agree on. The shell asks for
 * the shop as soon as the page's HTML arrives and draws it while the app's scripts are still on the way;
 * the app takes that one answer instead of asking again, and removes the shell once its own page shows.
 */

/** The shell's root element. */
export const SHELL_ELEMENT_ID = 'fangxin-scan-shell'

/** The shop request's answer as the shell received it. */
export interface ShellAnswer {
  status: number
  /** The parsed JSON body; undefined when it was not JSON. */
  body: unknown
}

export interface ShellState {
  /** The shop asked for, as the contract normalises it. */
  id: string
  /** Undefined when no answer came (no network, or none in SHELL_ANSWER_MS): the app then asks itself. */
  answer: Promise<ShellAnswer | undefined>
  /** The app has taken the answer (it serves one page load, not a retry). */
  taken: boolean
  /** The app's page is showing: the shell must not appear any more. */
  dismissed: boolean
}

export interface ShellWindow {
  __fangxinScanShell?: ShellState
}
