/**
 * WeChat's privacy authorisation (用户隐私保护指引), kept free of Taro so the rules are unit-tested
 * (miniapp/test/privacy-gate.test.ts); `privacy.ts` wires it to `onNeedPrivacyAuthorization`.
 *
 * Until a person has agreed to the guide, every privacy API (choosing photos, saving the poster to the album,
 * copying to the clipboard) is held by WeChat, which asks us to explain and to say what the person decided:
 * `resolve({ event: 'agree', buttonId })` after a tap on a button with `open-type="agreePrivacyAuthorization"`,
 * or `resolve({ event: 'disagree' })`. The gate keeps the held calls, shows the consent dialog of the page that
 * made them, and answers every held call with the person's one decision.
 */

export type PrivacyEvent = 'exposureAuthorization' | 'agree' | 'disagree'

/** WeChat's `resolve` for one held call. */
export type PrivacyResolve = (option: { event: PrivacyEvent; buttonId?: string }) => void

/** A consent dialog mounted on a page. */
export interface ConsentHost {
  /** The page it is on, as the router or `getCurrentPages()` says it (`pages/complaint-new/index`, with or without `/`). */
  readonly page: string
  /** Shows or hides the dialog. */
  show(visible: boolean): void
}

export interface PrivacyGateHooks {
  /** The page that asked has no dialog: open the privacy notice, whose own dialog then takes the request. */
  noHostOn(page: string): void
  /** A request taken on the notice page opened by `noHostOn` was answered: return to where the person was. */
  settledAway(): void
}

/** `/pages/a/index?x=1` and `pages/a/index` are the same page. */
export function pageOf(path: string): string {
  return (path.split('?')[0] ?? '').replace(/^\/+/, '')
}

export function createPrivacyGate(hooks: PrivacyGateHooks) {
  let waiting: Array<{ resolve: PrivacyResolve; exposed: boolean }> = []
  let hosts: ConsentHost[] = []
  let showing: ConsentHost | undefined
  /** The notice page was opened to take the request (no dialog on the page that asked). */
  let away = false

  /** WeChat is told once per held call that the dialog is in front of the person. */
  const expose = () => {
    for (const call of waiting) {
      if (call.exposed) continue
      call.exposed = true
      call.resolve({ event: 'exposureAuthorization' })
    }
  }

  const present = (host: ConsentHost) => {
    showing = host
    host.show(true)
    expose()
  }

  const settle = (option: { event: 'agree' | 'disagree'; buttonId?: string }) => {
    const calls = waiting
    waiting = []
    showing?.show(false)
    showing = undefined
    for (const call of calls) call.resolve(option)
    if (away) {
      away = false
      hooks.settledAway()
    }
  }

  return {
    /** WeChat holds a privacy call made on `page` until the person decides. */
    request(resolve: PrivacyResolve, page: string): void {
      waiting.push({ resolve, exposed: false })
      if (showing) return expose()
      // The most recently mounted dialog of that page (pages stay mounted under the one on top).
      const host = [...hosts].reverse().find((candidate) => pageOf(candidate.page) === pageOf(page))
      if (host) return present(host)
      if (!away) {
        away = true
        hooks.noHostOn(page)
      }
    },

    /** A dialog mounted; returns what to call when it unmounts. */
    attach(host: ConsentHost): () => void {
      hosts.push(host)
      if (away && !showing && waiting.length > 0) present(host)
      return () => {
        hosts = hosts.filter((candidate) => candidate !== host)
        if (showing !== host) return
        // Its page closed with the dialog open: no decision, so the held calls fail (nothing else to go back from).
        away = false
        settle({ event: 'disagree' })
      }
    },

    /** The person tapped the agree button `buttonId` (open-type agreePrivacyAuthorization). */
    agree(buttonId: string): void {
      if (waiting.length > 0) settle({ event: 'agree', buttonId })
    },

    /** The person declined: the held calls fail with "privacy permission is not authorized". */
    disagree(): void {
      if (waiting.length > 0) settle({ event: 'disagree' })
    },

    /** How many privacy calls WeChat is holding. */
    get waiting(): number {
      return waiting.length
    }
  }
}

export type PrivacyGate = ReturnType<typeof createPrivacyGate>
