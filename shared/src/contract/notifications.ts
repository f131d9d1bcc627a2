import * as z from 'zod/mini';

/**
 * Notifications that could not be delivered, for bureau staff to follow up by phone: the recipient refused
 * or has no subscription left (WeChat 43101), nobody at the shop ever signed in, or WeChat kept failing
 * until the retries ran out.
 */
export const NotificationProblem = z.object({
  id: z.string(),
  /** What the message was about: a complaint, or a rectification order (整改通知) — exactly one of the two. */
  complaintId: z.optional(z.string()),
  rectificationId: z.optional(z.string()),
  merchantId: z.optional(z.string()),
  merchantName: z.optional(z.string()),
  townCode: z.optional(z.string()),
  /** Who should have heard: 商家 / 消费者 / 监管人员. */
  recipientLabel: z.string(),
  /** What it was about, e.g. 新投诉. */
  headline: z.string(),
  state: z.enum(['undeliverable', 'dead']),
  /** For people: 商家未订阅通知, 消费者未订阅通知, 多次发送失败… */
  reason: z.string(),
  attempts: z.number().check(z.int()),
  createdAt: z.optional(z.string()),
  settledAt: z.optional(z.string()),
  /** The shop's contact phone, so staff can call (staff only ever see this list). */
  contactPhone: z.optional(z.string()),
});
export type NotificationProblem = z.infer<typeof NotificationProblem>;

export const NotificationProblemPage = z.object({
  items: z.array(NotificationProblem),
  nextCursor: z.optional(z.string()),
});
export type NotificationProblemPage = z.infer<typeof NotificationProblemPage>;
