/**
 * Personal information (《个人信息保护法》): how long a closed complaint keeps its contact data, and who answers a
 * person's requests. Deployment configuration kept in code review, like the county itself (county.ts): a county
 * that deploys the product puts its own office, line and address here. The demo county 清河县 is fictional, and
 * so is its address. docs/privacy.md says what is collected, why, and how the period is applied.
 */

/**
 * Days after a complaint is closed before its photos are deleted and its phone number and the consumer's name
 * are masked (functions/src/use-cases/retention.ts). Three years: the general limitation period for civil
 * claims (《民法典》第一百八十八条) and the age past which a complaint is no longer accepted (Order 121 art. 16), so
 * the record stays whole for as long as the dispute can still be pursued. The functions read
 * `FANGXIN_RETENTION_DAYS` and fall back to this; change both together, since the privacy notice states this one.
 */
export const PERSONAL_DATA_RETENTION_DAYS = 1095;

/** The shortest period the functions accept: a typo ("3" for three years) must not wipe recent cases. */
export const MIN_RETENTION_DAYS = 180;

/** The period as the notice says it: whole years as 「3 年」, anything else in days. */
export function retentionPeriodText(days: number): string {
  return days % 365 === 0 ? `${days / 365} 年` : `${days} 天`;
}

/** Who handles personal information and answers requests for a copy, a correction or a deletion. */
export const PRIVACY_CONTACT = {
  /** The handler (个人信息处理者): the office that runs the campaign, inside the market regulation bureau. */
  handler: '清河县市场监督管理局（清河县放心消费创建工作办公室）',
  /** The line that takes requests. */
  phone: '12315',
  /** Where to write or walk in (fictional, like the demo county). */
  address: '清河县城关镇人民路 1 号 清河县市场监督管理局',
  /** How soon a request is answered. */
  answerWithin: '15 个工作日',
} as const;

/** When the notice was last changed (shown at its foot). */
export const PRIVACY_NOTICE_UPDATED = '2026-12-06';
