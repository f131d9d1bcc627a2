import fc from 'fast-check'
import { ApiErrorBody, ERROR_CODES, MerchantId, Session, routes } from '@fangxin/shared'
import { errorBody } from '../src/api/error-body'
import { PUBLIC_READS } from '../src/api/public-routes'
import { checkShopCode } from '../src/lib/shop-id'
import { storedSession } from '../src/lib/stored-session'

/**
 * The main package calls the API without zod (api/http.ts): these hand-written checks stand in for the
 * contract's schemas there, so each is held to the schema it replaces.
 */

describe('the main package’s reads are the contract’s routes', () => {
  it.each(Object.entries(PUBLIC_READS))('%s has the contract’s method, path and access', (name, address) => {
    const route = routes[name as keyof typeof routes]
    expect(route).toBeDefined()
    expect({ method: route.method, path: route.path, access: route.access }).toEqual(address)
  })
})

describe('checkShopCode (the home page and the scan page) decides as MerchantId does', () => {
  const verdict = (input: string) => {
    const parsed = MerchantId.safeParse(input)
    return parsed.success ? { ok: true, id: parsed.data } : { ok: false, message: parsed.error.issues[0]!.message }
  }

  it.each([
    ['QH8K2M4P6R'],
    ['  qh8k2m4p6r '],
    [''],
    ['   '],
    ['X'.repeat(32)],
    ['X'.repeat(33)],
    ['QH8K-2M4P'],
    ['店铺123'],
    ['ＡＢＣ'],
    ['a\u200bb']
  ])('%j', (input) => {
    expect(checkShopCode(input)).toEqual(verdict(input))
  })

  it('agrees on any text', () => {
    const alphabet = fc.constantFrom(...'AZaz09 -_%\t\u3000中Ａ'.split(''))
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 40 })), (input) => {
        expect(checkShopCode(input)).toEqual(verdict(input))
      })
    )
  })
})

describe('errorBody recognises what ApiErrorBody accepts, and nothing else', () => {
  const valid = { code: 'INVALID', message: '请填写问题描述', field: 'body.description', correlationId: 'c-1' }

  it('reads a contract error body', () => {
    expect(errorBody(valid)).toEqual(valid)
    expect(errorBody({ code: 'NOT_FOUND', message: '未找到' })).toEqual({ code: 'NOT_FOUND', message: '未找到' })
  })

  it.each([
    ['not an object', 'Bad Gateway'],
    ['null', null],
    ['an array', [valid]],
    ['an unknown code', { ...valid, code: 'TEAPOT' }],
    ['no message', { code: 'INVALID' }],
    ['a numeric field', { ...valid, field: 3 }],
    ['a numeric correlation id', { ...valid, correlationId: 7 }]
  ])('refuses %s', (_, body) => {
    expect(ApiErrorBody.safeParse(body).success).toBe(false)
    expect(errorBody(body)).toBeUndefined()
  })

  it('agrees with the schema on generated bodies', () => {
    const value = fc.oneof(fc.constantFrom(...ERROR_CODES), fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null))
    fc.assert(
      fc.property(fc.record({ code: value, message: value, field: value, correlationId: value }, { requiredKeys: [] }), (body) => {
        expect(errorBody(body) !== undefined).toBe(ApiErrorBody.safeParse(body).success)
      })
    )
  })
})

describe('storedSession recognises what Session accepts, and nothing else', () => {
  const base = {
    token: 'eyJ.token',
    expiresAt: '2026-12-07T10:00:00.000Z',
    user: { id: 'u-1', displayName: '张三', roles: { merchantIds: ['QH8K2M4P6R'] } }
  }

  it.each([
    ['a consumer', base],
    ['staff of the county', { ...base, user: { ...base.user, roles: { merchantIds: [], staff: { role: 'admin', jurisdiction: 'county' } } } }],
    ['staff of two towns', { ...base, user: { ...base.user, roles: { merchantIds: [], staff: { role: 'mediator', jurisdiction: ['T01', 'T02'] } } } }],
    ['station staff', { ...base, user: { ...base.user, roles: { merchantIds: [], station: { stationId: 's-1', townCode: 'T01' } } } }]
  ])('keeps %s', (_, value) => {
    expect(Session.safeParse(value).success).toBe(true)
    expect(storedSession(value)).toEqual(value)
  })

  it.each([
    ['nothing', undefined],
    ['a string', 'token'],
    ['no token', { ...base, token: undefined }],
    ['no user', { ...base, user: undefined }],
    ['roles without shops', { ...base, user: { ...base.user, roles: {} } }],
    ['a made-up staff role', { ...base, user: { ...base.user, roles: { merchantIds: [], staff: { role: 'root', jurisdiction: 'county' } } } }],
    ['an empty jurisdiction', { ...base, user: { ...base.user, roles: { merchantIds: [], staff: { role: 'admin', jurisdiction: [] } } } }],
    ['a station without a town', { ...base, user: { ...base.user, roles: { merchantIds: [], station: { stationId: 's-1' } } } }]
  ])('drops %s', (_, value) => {
    expect(Session.safeParse(value).success).toBe(false)
    expect(storedSession(value)).toBeUndefined()
  })

  it('agrees with the schema on generated sessions', () => {
    const text = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined))
    const staff = fc.oneof(
      fc.constant(undefined),
      fc.record({
        role: fc.oneof(fc.constantFrom('regulator', 'mediator', 'admin'), fc.string()),
        jurisdiction: fc.oneof(fc.constant('county'), fc.array(fc.string(), { maxLength: 3 }), fc.string())
      })
    )
    const station = fc.oneof(fc.constant(undefined), fc.record({ stationId: text, townCode: text }, { requiredKeys: [] }))
    const roles = fc.record({ merchantIds: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), fc.array(fc.integer(), { minLength: 1, maxLength: 2 })), staff, station }, { requiredKeys: [] })
    const session = fc.record({ token: text, expiresAt: text, user: fc.record({ id: text, displayName: text, roles }, { requiredKeys: [] }) }, { requiredKeys: [] })
    fc.assert(
      fc.property(session, (value) => {
        expect(storedSession(value) !== undefined).toBe(Session.safeParse(value).success)
      })
    )
  })
})
