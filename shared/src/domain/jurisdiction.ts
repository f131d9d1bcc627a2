/**
 * Who among bureau staff may see and act on what, by place. This is the one home of the rule; every check
 * of a staff member against a town (a complaint's, a shop's, a held text's, a failed notification's)
 * calls these functions.
 */

/** Bureau roles: 市场监管所 regulators, 消协 mediators, and the county office's admins. */
export const STAFF_ROLES = ['regulator', 'mediator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A staff member's reach: the whole county, or the town codes they cover (never empty). */
export type Jurisdiction = 'county' | readonly string[];

/** The part of a staff member these rules read. */
export interface StaffScope {
  role: StaffRole;
  jurisdiction: Jurisdiction;
}

/**
 * Whether `jurisdiction` reaches `townCode`. Something without a town (an old record, a county-level item)
 * is reached only by county-wide staff: a town regulator never sees what cannot be placed in their towns.
 */
export function coversTown(jurisdiction: Jurisdiction, townCode: string | undefined): boolean {
  if (jurisdiction === 'county') return true;
  return townCode !== undefined && jurisdiction.includes(townCode);
}

/** The county office's own people: admins whose jurisdiction is the whole county (settings, awards, staff). */
export function isCountyAdmin(staff: StaffScope | undefined): boolean {
  return staff?.role === 'admin' && staff.jurisdiction === 'county';
}
