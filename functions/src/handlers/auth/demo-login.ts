import { demoLoginRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { demoSignIn } from '../../use-cases/sign-in';

/** POST /auth/demo-login — public, local product only (refuses elsewhere): sign in as a demo persona. */
export const handler = httpRoute(demoLoginRoute, ({ body, now }) => demoSignIn(body.persona, now));
