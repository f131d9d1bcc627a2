import { loginRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { signIn } from '../../use-cases/sign-in';

/** POST /auth/login — public: exchanges a `wx.login` code for our session token. */
export const handler = httpRoute(loginRoute, ({ body, now }) => signIn(body.code, now));
