import { signInReturn } from '../src/lib/sign-in-return'

const PATHS = { loginPath: '/pages/login/index', homePath: '/pages/index/index' }

describe('where the sign-in page goes afterwards', () => {
  it('goes back to the page it was opened over, which still holds what was typed', () => {
    expect(signInReturn({ ...PATHS, redirect: '/pages/complaint-new/index?merchantId=QH8K2M4P6R', back: true, pagesBelow: 2 })).toEqual({ kind: 'back' })
  })

  it('opens the page afresh when it took that page’s place (or there is nothing underneath)', () => {
    const redirect = '/admin/pages/inspect/index?merchantId=QH8K2M4P6R'
    expect(signInReturn({ ...PATHS, redirect, back: false, pagesBelow: 1 })).toEqual({ kind: 'open', url: redirect })
    expect(signInReturn({ ...PATHS, redirect, back: true, pagesBelow: 0 })).toEqual({ kind: 'open', url: redirect })
  })

  it('never returns to the sign-in page itself, nor to a place outside the app', () => {
    expect(signInReturn({ ...PATHS, redirect: '/pages/login/index?redirect=x', back: false, pagesBelow: 0 })).toEqual({ kind: 'home' })
    expect(signInReturn({ ...PATHS, redirect: 'https://example.com', back: false, pagesBelow: 1 })).toEqual({ kind: 'back' })
  })

  it('goes home for the home page or nothing to go to, else back to where the person came from', () => {
    expect(signInReturn({ ...PATHS, redirect: '/pages/index/index', back: false, pagesBelow: 3 })).toEqual({ kind: 'home' })
    expect(signInReturn({ ...PATHS, redirect: undefined, back: false, pagesBelow: 1 })).toEqual({ kind: 'back' })
    expect(signInReturn({ ...PATHS, redirect: undefined, back: false, pagesBelow: 0 })).toEqual({ kind: 'home' })
  })
})
