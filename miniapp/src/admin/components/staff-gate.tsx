import type { Session } from '@fangxin/shared'
import { ApiError } from '@/api/client'
import { ErrorView, LoadingView } from '@/components/state-views'

type Staff = NonNullable<Session['user']['roles']['staff']>

/** A signed-in person who is bureau staff. */
export type StaffSession = Session & { user: { roles: { staff: Staff } } }

export const isStaffSession = (session: Session | undefined): session is StaffSession => Boolean(session?.user.roles.staff)

/**
 * What a staff page shows until it knows it is looking at staff: the sign-in under way, or — for anyone
 * else — why not, in `forbidden` (the server would refuse them the data anyway).
 */
export function NotStaffView({ session, forbidden }: { session: Session | undefined; forbidden: string }) {
  return session ? <ErrorView error={new ApiError('FORBIDDEN', forbidden)} /> : <LoadingView text='正在登录…' />
}
