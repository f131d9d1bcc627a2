import * as z from 'zod/mini';

/**
 * The county's complaint clocks as data: durations, the rule set and its presets. Kept apart from the
 * calendar arithmetic in clock.ts (and its holiday table) so the app can validate and show rules without
 * shipping the calendar.
 */

export const DURATION_UNITS = ['working_days', 'days', 'hours'] as const;

/** A length of time a party has to act, as an admin configures it. */
export const Duration = z.object({
  amount: z
    .number({ error: '期限请填写数字' }).check(z.int({ error: '期限须为整数' }), z.gte(1, { error: '期限至少为 1' }), z.lte(365, { error: '期限最多为 365' })),
  unit: z.enum(DURATION_UNITS, { error: '期限单位须为工作日、自然日或小时' }),
});
export type Duration = z.infer<typeof Duration>;

/**
 * The clocks of one county. Every number is editable by an admin; the presets below say where the defaults
 * come from.
 */
export const ClockRules = z.object({
  /** Which preset these rules started from (e.g. `samr_order_121`), kept so the admin page can say so. */
  preset: z.string({ error: '请选择规则来源' }).check(z.trim(), z.minLength(1, { error: '请选择规则来源' })),
  /**
   * Merchant's first reply to a new complaint. The county's own choice (not statute), default 1 working day;
   * for comparison, 12315's ODR in-shop channel allows 10 working days and WeChat's transaction complaints 48 h.
   */
  merchantFirstReply: Duration,
  /** Merchant's settlement proposal, counted from its first reply. The county's own choice, default 3 working days. */
  merchantProposal: Duration,
  /**
   * Consumer's answer to a proposal; silence counts as rejection and escalates. The county's own choice,
   * default 3 (calendar) days.
   */
  consumerAnswer: Duration,
  /**
   * Bureau's accept / not-accept decision, counted from receipt (= escalation). Statutory: 7 working days under
   * both SAMR orders (Order 20 art. 14: 自收到投诉之日起七个工作日内).
   */
  acceptDecision: Duration,
  /**
   * Mediation ends if no agreement is reached within this time from acceptance. Statutory: 45 working days under
   * Order 20 (art. 21); 60 days under Order 121.
   */
  mediation: Duration,
  /**
   * Sending the written notice of a refusal or of the end of mediation to both parties, from the decision.
   * The orders require the parties be told in writing or electronically; the time allowed here is the
   * county's own choice (default 3 working days) — check it against the order in force.
   */
  partyNotice: z._default(Duration, { amount: 3, unit: 'working_days' }),
});
export type ClockRules = z.infer<typeof ClockRules>;

/**
 * The rules as an admin sends them (PUT /staff/settings/clock-rules): the preset named by its code, like the
 * shipped ones (`samr_order_121`, or `custom`). Stored rules are read with {@link ClockRules}, which takes
 * whatever name was written before this check existed.
 */
export const ClockRulesInput = z.extend(ClockRules, {
  /** The version the admin saw (0 before any change): a stale one loses to the change made since (409). */
  version: z.number({ error: '缺少版本号，请刷新后重试' }).check(z.int({ error: '版本号无效，请刷新后重试' }), z.gte(0, { error: '版本号无效，请刷新后重试' })),
  preset: z
    .string({ error: '请选择规则来源' }).check(
        z.trim(),
        z.minLength(1, { error: '请选择规则来源' }),
        z.regex(/^[a-z0-9_]{1,40}$/, { error: '规则来源应为预设规则的代码，如 samr_order_121' }),
      ),
});

/** The rules as staff read them, with the version a change must name. */
export const ClockRulesView = z.extend(ClockRules, { version: z.number().check(z.int()) });
export type ClockRulesView = z.infer<typeof ClockRulesView>;

/** The county's in-shop deadlines, the same whichever SAMR order is in force (docs/lifecycle.md, clocks). */
const COUNTY_IN_SHOP = {
  merchantFirstReply: { amount: 1, unit: 'working_days' },
  merchantProposal: { amount: 3, unit: 'working_days' },
  consumerAnswer: { amount: 3, unit: 'days' },
  partyNotice: { amount: 3, unit: 'working_days' },
} as const satisfies Pick<ClockRules, 'merchantFirstReply' | 'merchantProposal' | 'consumerAnswer' | 'partyNotice'>;

/**
 * Shipped rule sets. Deep-frozen so no caller can change the defaults for everyone by mutating a preset;
 * admin edits produce new objects.
 */
export const CLOCK_PRESETS = deepFreeze({
  /**
   * 《市场监督管理投诉举报处理办法》(国家市场监督管理总局令第121号), which sources say applies from 2026-04-15:
   * accept decision within 7 working days of receipt; mediation ends after 60 days without agreement
   * (counted in calendar days). Numbers as reported by those sources — check them against the published text.
   */
  samr_order_121: {
    preset: 'samr_order_121',
    ...COUNTY_IN_SHOP,
    acceptDecision: { amount: 7, unit: 'working_days' },
    mediation: { amount: 60, unit: 'days' },
  },
  /**
   * 《市场监督管理投诉举报处理暂行办法》(2019, 国家市场监督管理总局令第20号): art. 14 accept decision within 7 working
   * days of receipt; art. 21 mediation ends if no agreement within 45 working days of acceptance.
   */
  samr_order_20: {
    preset: 'samr_order_20',
    ...COUNTY_IN_SHOP,
    acceptDecision: { amount: 7, unit: 'working_days' },
    mediation: { amount: 45, unit: 'working_days' },
  },
} as const satisfies Record<string, ClockRules>);
export type ClockPresetName = keyof typeof CLOCK_PRESETS;

/** Order 121 is the default (docs/lifecycle.md, clocks). */
export const DEFAULT_CLOCK_RULES: ClockRules = CLOCK_PRESETS.samr_order_121;

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
