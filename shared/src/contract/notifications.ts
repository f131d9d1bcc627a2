import * as z from 'zod';

/**
 * Notifications that could not be delivered, for bureau staff to follow up by phone: the recipient refused
 * or has no subscription left (WeChat 43101), nobody at the shop ever signed in, or WeChat kept failing
 * until the retries ran out.
 */
export const NotificationProblem = z.object({
  id: z.string(),
  complaintId: z.string(),
  merchantId: z.string().optional(),
  merchantName: z.string().optional(),
  townCode: z.string().optional(),
  /** Who should have heard: 商家 / 消费者 / 监管人员. */
  recipientLabel: z.string(),
  /** What it was about, e.g. 新投诉. */
  headline: z.string(),
  state: z.enum(['undeliverable', 'dead']),
  /** For people: 商家未订阅通知, 消费者未订阅通知, 多次发送失败… */
  reason: z.string(),
  attempts: z.number().int(),
  createdAt: z.string().optional(),
  settledAt: z.string().optional(),
  /** The shop's contact phone, so staff can call (staff only ever see this list). */
  contactPhone: z.string().optional(),
});
export type NotificationProblem = z.infer<typeof NotificationProblem>;

export const NotificationProblemPage = z.object({
  items: z.array(NotificationProblem),
  nextCursor: z.string().optional(),
});
export type NotificationProblemPage = z.infer<typeof NotificationProblemPage>;
