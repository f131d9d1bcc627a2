import { campaignBanksRoute } from '@fangxin/shared';
import { httpRoute } from '../../http/route';
import { campaignBanks } from '../../use-cases/quiz';

/** GET /staff/campaign-banks — bureau staff: the quiz and survey banks. */
export const handler = httpRoute(campaignBanksRoute, ({ principal }) => campaignBanks(principal));
