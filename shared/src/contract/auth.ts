import * as z from 'zod/mini';
import './zod-chinese';
import { STAFF_ROLES } from '../domain/jurisdiction';

export const StaffRoleSchema = z.enum(STAFF_ROLES);

/** What the signed token says about a user; the server re-reads it from the token on every request. */
export const Roles = z.object({
  /** Shops this user works for (owner or clerk). */
  merchantIds: z.array(z.string()),
  staff: z.optional(z.object({
      role: StaffRoleSchema,
      /** `county` or the town codes this person covers. */
      jurisdiction: z.union([z.literal('county'), z.array(z.string()).check(z.minLength(1))]),
    })),
  /** Complaint-station staff: the one station they take complaints in at (投诉站). */
  station: z.optional(z.object({ stationId: z.string(), townCode: z.string() })),
});
export type Roles = z.infer<typeof Roles>;

export const LoginRequest = z.object({
  /** wx.login's code: printable ASCII, no spaces. */
  code: z
    .string({ error: '缺少登录凭证' }).check(
        z.minLength(1, { error: '缺少登录凭证' }),
        z.maxLength(128, { error: '登录凭证格式不正确' }),
        z.regex(/^[\x21-\x7E]+$/, { error: '登录凭证格式不正确' }),
      ),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Local demo personas: each signs in through the stand-in WeChat server, exactly like a real login. */
export const DEMO_PERSONAS = {
  consumer: '消费者 小王',
  consumer2: '消费者 小李',
  merchant_owner: '商家店主（城关百货）',
  merchant_clerk: '商家店员（城关百货）',
  regulator: '城关市场监管所 监管员',
  mediator: '县消协 调解员',
  admin: '联席会议办公室 管理员',
  station: '城关农贸市场投诉站 工作人员',
} as const;
export type DemoPersona = keyof typeof DEMO_PERSONAS;
export const DemoLoginRequest = z.object({
  persona: z.enum(Object.keys(DEMO_PERSONAS) as [DemoPersona, ...DemoPersona[]], { error: '未知的演示身份' }),
});
export type DemoLoginRequest = z.infer<typeof DemoLoginRequest>;

export const Session = z.object({
  /** Bearer token for the `Authorization` header; short-lived, signed by the server. */
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), displayName: z.string(), roles: Roles }),
});
export type Session = z.infer<typeof Session>;
