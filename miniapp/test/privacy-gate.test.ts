import { createPrivacyGate, pageOf, type ConsentHost, type PrivacyResolve } from '../src/lib/privacy-gate'

/** A dialog on `page` that records what it was told. */
function host(page: string) {
  const shown: boolean[] = []
  const value: ConsentHost & { shown: boolean[]; readonly visible: boolean } = {
    page,
    shown,
    show: (visible) => void shown.push(visible),
    get visible() {
      return shown[shown.length - 1] === true
    }
  }
  return value
}

/** WeChat's resolve for one held call, recording what it was answered. */
function heldCall() {
  const answers: Array<{ event: string; buttonId?: string }> = []
  const resolve: PrivacyResolve = (option) => void answers.push(option)
  return { resolve, answers }
}

function gateWithHooks() {
  const hooks = { noHostOn: jest.fn<void, [string]>(), settledAway: jest.fn<void, []>() }
  return { gate: createPrivacyGate(hooks), hooks }
}

describe('pageOf', () => {
  it.each([
    ['/pages/complaint-new/index', 'pages/complaint-new/index'],
    ['pages/complaint-new/index', 'pages/complaint-new/index'],
    ['/station/pages/file/index?merchantId=QH8K2M4P6R', 'station/pages/file/index']
  ])('reads %p as %p', (path, page) => expect(pageOf(path)).toBe(page))
})

describe('the privacy gate', () => {
  it('shows the dialog of the page that asked, tells WeChat it is shown, and answers with the agree button the person tapped', () => {
    const { gate, hooks } = gateWithHooks()
    const form = host('/pages/complaint-new/index')
    gate.attach(form)
    const call = heldCall()

    gate.request(call.resolve, 'pages/complaint-new/index')
    expect(form.visible).toBe(true)
    expect(call.answers).toEqual([{ event: 'exposureAuthorization' }])

    gate.agree('privacy-agree-1')
    expect(call.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'privacy-agree-1' }])
    expect(form.visible).toBe(false)
    expect(gate.waiting).toBe(0)
    expect(hooks.noHostOn).not.toHaveBeenCalled()
    expect(hooks.settledAway).not.toHaveBeenCalled()
  })

  it('answers every call held meanwhile with the one decision, each exposed once', () => {
    const { gate } = gateWithHooks()
    const shop = host('merchant/pages/shop/index')
    gate.attach(shop)
    const authorize = heldCall()
    const save = heldCall()
    gate.request(authorize.resolve, 'merchant/pages/shop/index')
    gate.request(save.resolve, 'merchant/pages/shop/index')
    expect(shop.shown).toEqual([true])

    gate.disagree()
    for (const call of [authorize, save]) expect(call.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
    // A stray tap after the decision changes nothing.
    gate.agree('privacy-agree-1')
    expect(authorize.answers).toHaveLength(2)
  })

  it('uses the dialog of the page on top, not one of a page underneath it', () => {
    const { gate } = gateWithHooks()
    const below = host('pages/complaint-new/index')
    const onTop = host('admin/pages/inspect/index')
    gate.attach(below)
    gate.attach(onTop)
    gate.request(heldCall().resolve, 'admin/pages/inspect/index')
    expect(onTop.visible).toBe(true)
    expect(below.shown).toEqual([])
  })

  it('with several dialogs on one page (one per photo field), shows only one', () => {
    const { gate } = gateWithHooks()
    const fields = [host('admin/pages/inspect/index'), host('admin/pages/inspect/index'), host('admin/pages/inspect/index')]
    fields.forEach((field) => gate.attach(field))
    gate.request(heldCall().resolve, 'admin/pages/inspect/index')
    expect(fields.filter((field) => field.visible)).toHaveLength(1)
  })

  it('sends the person to the notice page when the page that asked has no dialog, decides there, and comes back', () => {
    const { gate, hooks } = gateWithHooks()
    const call = heldCall()
    gate.request(call.resolve, 'pages/somewhere/index')
    expect(hooks.noHostOn).toHaveBeenCalledWith('pages/somewhere/index')
    expect(call.answers).toEqual([])

    // A second call while the notice page opens does not open it twice.
    gate.request(heldCall().resolve, 'pages/somewhere/index')
    expect(hooks.noHostOn).toHaveBeenCalledTimes(1)

    const notice = host('info/pages/privacy/index')
    gate.attach(notice)
    expect(notice.visible).toBe(true)
    expect(call.answers).toEqual([{ event: 'exposureAuthorization' }])

    gate.agree('privacy-agree-9')
    expect(call.answers[1]).toEqual({ event: 'agree', buttonId: 'privacy-agree-9' })
    expect(hooks.settledAway).toHaveBeenCalledTimes(1)
  })

  it('a page closed with its dialog open means no decision: the held calls fail, and nothing navigates', () => {
    const { gate, hooks } = gateWithHooks()
    const call = heldCall()
    gate.request(call.resolve, 'pages/somewhere/index')
    const notice = host('info/pages/privacy/index')
    const detach = gate.attach(notice)
    detach()
    expect(call.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
    expect(hooks.settledAway).not.toHaveBeenCalled()
    expect(gate.waiting).toBe(0)
  })

  it('a dialog that is gone is never shown again', () => {
    const { gate, hooks } = gateWithHooks()
    const form = host('pages/complaint-new/index')
    gate.attach(form)()
    gate.request(heldCall().resolve, 'pages/complaint-new/index')
    expect(form.shown).toEqual([])
    expect(hooks.noHostOn).toHaveBeenCalledTimes(1)
  })

  it('a dialog mounting while nothing waits shows nothing', () => {
    const { gate } = gateWithHooks()
    const form = host('pages/complaint-new/index')
    gate.attach(form)
    gate.disagree()
    expect(form.shown).toEqual([])
  })
})
