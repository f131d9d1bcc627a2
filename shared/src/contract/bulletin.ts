import * as z from 'zod/mini';
import './zod-chinese';
import { IndicatorRates, IndicatorTargets } from './dashboard';

/** A bulletin's period: a month (`2026-11`) or a year (`2026`). */
export const BulletinParam = z.object({
  period: z.string().check(
    z.regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: '通报期间应为年份（如 2026）或年月（如 2026-11）' }),
    z.refine((period) => period.slice(0, 4) >= '2000' && period.slice(0, 4) <= '2100', { error: '通报年份应在 2000 年至 2100 年之间' }),
  ),
});

const TownLine = z.object({
  code: z.string(),
  name: z.string(),
  received: z.number().check(z.int()),
  rates: IndicatorRates,
  /** Whether every complaint indicator with data meets its target. */
  meetsTargets: z.boolean(),
  /** The town's yearly tasks: how many are complete, and how many are behind the time of year. */
  tasks: z.object({ total: z.number().check(z.int()), complete: z.number().check(z.int()), behind: z.number().check(z.int()) }),
});

/** 通报: the indicators against targets, progress by town, awards, commendations and criticisms — printable, exportable. */
export const BulletinView = z.object({
  period: z.string(),
  kind: z.enum(['monthly', 'annual']),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  targets: IndicatorTargets,
  county: z.object({ received: z.number().check(z.int()), handled: z.number().check(z.int()), rates: IndicatorRates }),
  towns: z.array(TownLine),
  /** Annual bulletins once the year's assessment is confirmed: the shops awarded 示范, and the trades and towns proposed. */
  awards: z.object({
    shops: z.array(z.object({ id: z.string(), name: z.string(), townName: z.string() })),
    sectors: z.array(z.string()),
    towns: z.array(z.string()),
  }),
  /** In words, from the numbers: who met every target, who fell short and where. */
  commendations: z.array(z.string()),
  /** Only on what the numbers can bear: a period that has ended, and rates of at least 10 (see `notes`). */
  criticisms: z.array(z.string()),
  /** Why a town short of a target is not criticised in this bulletin (the period not over, too few cases). */
  notes: z.optional(z.array(z.string())),
});
export type BulletinView = z.infer<typeof BulletinView>;
