/** Where the sign-in page goes once the person has signed in. */
export type SignInReturn = { kind: 'back' } | { kind: 'open'; url: string } | { kind: 'home' }

/**
 * Pure, so a unit test pins it. `back`: the sign-in page was opened on top of a page in use (its session ran
 * out there), which is still underneath with whatever was typed into it: go back to it. Otherwise, the page
 * that sent the person here (`redirect`, opened afresh), else the page they came from, else home.
 */
export function signInReturn(input: { redirect: string | undefined; back: boolean; pagesBelow: number; loginPath: string; homePath: string }): SignInReturn {
  const { redirect, back, pagesBelow, loginPath, homePath } = input
  if (back && pagesBelow > 0) return { kind: 'back' }
  const target = redirect && redirect.startsWith('/') && !redirect.startsWith(loginPath) ? redirect : undefined
  if (target && !target.startsWith(homePath)) return { kind: 'open', url: target }
  if (!target && pagesBelow > 0) return { kind: 'back' }
  return { kind: 'home' }
}
