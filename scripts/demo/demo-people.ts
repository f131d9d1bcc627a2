import type { DemoPersona, Roles } from '@fangxin/shared';
import { DEMO_SHOP_ID } from './demo-merchants';

/**
 * Who the demo personas are. Their openids are what the stand-in WeChat server returns for them
 * (functions/src/use-cases/sign-in.ts `demoOpenid`); the admin is not seeded — it becomes admin through
 * BOOTSTRAP_ADMIN_OPENIDS on first sign-in, as the first admin does in production.
 */
export const DEMO_PEOPLE: Record<Exclude<DemoPersona, 'admin'>, { displayName: string; roles: Roles }> = {
  consumer: { displayName: '小王', roles: { merchantIds: [] } },
  consumer2: { displayName: '小李', roles: { merchantIds: [] } },
  merchant_owner: { displayName: '城关百货 张店长', roles: { merchantIds: [DEMO_SHOP_ID] } },
  merchant_clerk: { displayName: '城关百货 店员小刘', roles: { merchantIds: [DEMO_SHOP_ID] } },
  regulator: { displayName: '城关市场监管所 赵科长', roles: { merchantIds: [], staff: { role: 'regulator', jurisdiction: ['chengguan'] } } },
  mediator: { displayName: '县消协 孙调解员', roles: { merchantIds: [], staff: { role: 'mediator', jurisdiction: 'county' } } },
  // Joins the demo station with a binding code in the seed (scripts/demo/seed.ts), as station staff do.
  station: { displayName: '城关农贸市场投诉站 周站员', roles: { merchantIds: [] } },
};

/** The demo complaint station (投诉站), registered by the office in the seed; the `station` persona works there. */
export const DEMO_STATION = {
  name: '城关农贸市场投诉站',
  townCode: 'chengguan',
  placeType: 'market',
  address: '城关镇农贸市场管理办公室一楼',
  contactName: '周站员',
  contactPhone: '0311-5551234',
} as const;
