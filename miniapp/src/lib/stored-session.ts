import type { Session } from '@fangxin/shared'
// A deep import, not the barrel: the barrel loads zod, and every page (the main package's too) loads this.
import { STAFF_ROLES } from '@fangxin/shared/src/domain/jurisdiction'

const isString = (value: unknown): value is string => typeof value === 'string'
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The contract's `Session`, recognised by hand: every page loads this module, including the main
 * package's, which carries no zod. A unit test holds it to the schema. Only the shape is checked: the
 * server re-reads who the person is from the signed token on every request.
 */
export function storedSession(value: unknown): Session | undefined {
  if (!isRecord(value) || !isString(value.token) || !isString(value.expiresAt) || !isRecord(value.user)) return undefined
  const { id, displayName, roles } = value.user
  if (!isString(id) || !isString(displayName) || !isRecord(roles)) return undefined
  if (!Array.isArray(roles.merchantIds) || !roles.merchantIds.every(isString)) return undefined
  const { staff, station } = roles
  if (staff !== undefined) {
    if (!isRecord(staff) || !(STAFF_ROLES as readonly unknown[]).includes(staff.role)) return undefined
    const { jurisdiction } = staff
    const towns = Array.isArray(jurisdiction) && jurisdiction.length > 0 && jurisdiction.every(isString)
    if (jurisdiction !== 'county' && !towns) return undefined
  }
  if (station !== undefined && (!isRecord(station) || !isString(station.stationId) || !isString(station.townCode))) return undefined
  return value as Session
}
