import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Session } from '@fangxin/shared'
import { storedSession } from './stored-session'

const STORAGE_KEY = 'fangxin.session'
/** A token this close to expiry is treated as gone, so a request does not die on the way. */
const EXPIRY_MARGIN_MS = 60_000

/** In memory after the first read; `null` means "read, and there is none". */
let current: Session | null | undefined
const listeners = new Set<(session: Session | undefined) => void>()

function notify(session: Session | undefined) {
  listeners.forEach((listener) => listener(session))
}

function readStored(): Session | null {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY)
    if (!raw) return null
    // Stored by an older build, or tampered with: only a value shaped like the contract's counts.
    return storedSession(typeof raw === 'string' ? JSON.parse(raw) : raw) ?? null
  } catch {
    return null
  }
}

/** The signed-in person, or undefined when nobody is (or the token has expired). */
export function getSession(now: Date = new Date()): Session | undefined {
  if (current === undefined) current = readStored()
  if (current && Date.parse(current.expiresAt) - EXPIRY_MARGIN_MS <= now.getTime()) {
    clearSession()
    return undefined
  }
  return current ?? undefined
}

/** Keeps the session the server issued, on the device (Taro storage) and in memory. */
export function saveSession(session: Session): void {
  current = session
  try {
    Taro.setStorageSync(STORAGE_KEY, JSON.stringify(session))
  } catch (error) {
    // Storage full or unavailable: the session still works until the app is closed.
    console.warn('could not store the session', error)
  }
  notify(session)
}

/** Signs out on this device (退出登录, or a token the server refused). */
export function clearSession(): void {
  const had = current !== null && current !== undefined
  current = null
  try {
    Taro.removeStorageSync(STORAGE_KEY)
  } catch (error) {
    console.warn('could not remove the stored session', error)
  }
  if (had) notify(undefined)
}

/** The current session, kept up to date when someone signs in or out, and re-read when the page shows. */
export function useSession(): Session | undefined {
  const [session, setSession] = useState(() => getSession())
  useEffect(() => {
    listeners.add(setSession)
    return () => {
      listeners.delete(setSession)
    }
  }, [])
  useDidShow(() => setSession(getSession()))
  return session
}

type User = Session['user']

const STAFF_ROLE_LABELS = { regulator: '监管员', mediator: '调解员', admin: '管理员' } as const

/** Who this person can act as, in words: 「消费者 · 商家（1 家店铺） · 监管员」. */
export function describeRoles(user: User): string {
  const parts = ['消费者']
  if (user.roles.merchantIds.length > 0) parts.push(`商家（${user.roles.merchantIds.length} 家店铺）`)
  if (user.roles.staff) parts.push(STAFF_ROLE_LABELS[user.roles.staff.role])
  if (user.roles.station) parts.push('投诉站工作人员')
  return parts.join(' · ')
}

export const isMerchantUser = (user: User | undefined) => (user?.roles.merchantIds.length ?? 0) > 0
export const isStaffUser = (user: User | undefined) => Boolean(user?.roles.staff)
