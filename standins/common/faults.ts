import { ControlError } from './http';

/** What every stand-in's fault rule has, whatever its kinds: how many calls it is for, and how likely it fires. */
export interface FaultOdds {
  kind: string;
  /** The rule applies to this many calls (default 1). */
  times?: number;
  /** Each time, it fires with this probability (default 1). */
  probability?: number;
}

/** A check of one field or kind of a fault rule: what is wrong with it, or undefined. */
export type FaultCheck<R> = (rule: R) => string | undefined;

const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/**
 * The kinds both stand-ins offer, with the same fields: what the network or a proxy does to a call rather
 * than anything the protocol answers.
 */
export const TRANSPORT_FAULT_CHECKS = {
  http_status: (rule: { status?: number }) =>
    !Number.isInteger(rule.status) || rule.status! < 400 || rule.status! > 599 ? 'status (400–599) is required' : undefined,
  delay: (rule: { ms?: number }) => (!isNumber(rule.ms) || rule.ms < 0 ? 'ms (≥ 0) is required' : undefined),
  hang: () => undefined,
} as const;

/**
 * `rule` when it is well-formed, else a ControlError naming the rule and what is wrong. `checkFields`
 * covers fields every kind has (say, the endpoint); `kinds` lists the stand-in's kinds with each one's check.
 * Rules arrive as untyped JSON from the control API, so nothing about them is taken for granted.
 */
export function checkFaultRule<R extends FaultOdds>(
  rule: R,
  kinds: Readonly<Record<string, FaultCheck<R>>>,
  checkFields: FaultCheck<R> = () => undefined,
): R {
  const where = `fault ${JSON.stringify(rule)}`;
  if (typeof rule !== 'object' || rule === null) throw new ControlError(`${where}: expected an object`);
  const problem =
    checkFields(rule) ??
    (Object.hasOwn(kinds, rule.kind) ? kinds[rule.kind]!(rule) : `kind must be one of ${Object.keys(kinds).join(', ')}`);
  if (problem) throw new ControlError(`${where}: ${problem}`);
  if (rule.times !== undefined && (!isNumber(rule.times) || rule.times < 1)) throw new ControlError(`${where}: times must be ≥ 1`);
  if (rule.probability !== undefined && (!isNumber(rule.probability) || rule.probability < 0 || rule.probability > 1)) {
    throw new ControlError(`${where}: probability must be between 0 and 1`);
  }
  return rule;
}

/** The fault rules waiting for calls, in the order they were injected. */
export class FaultQueue<R extends FaultOdds> {
  private rules: Array<R & { remaining: number }> = [];

  /**
   * @param check  validates one rule (see {@link checkFaultRule}); throws a ControlError
   * @param random numbers in [0, 1) for `probability`; tests pass a seeded one to replay a run
   */
  constructor(
    private readonly check: (rule: R) => R,
    private readonly random: () => number,
  ) {}

  /** Adds `rules` behind those already waiting; every rule is checked first, so a list with a bad one adds none. */
  add(rules: readonly R[]): void {
    const checked = rules.map((rule) => this.check(rule));
    this.rules.push(...checked.map((rule) => ({ ...rule, remaining: rule.times ?? 1 })));
  }

  clear(): void {
    this.rules = [];
  }

  /** How many rules still have calls to fault. */
  get pending(): number {
    return this.rules.length;
  }

  /**
   * The fault for a call, if any: the first rule that `matches` and fires. Rules are tried in order, each
   * with its own probability, so a mix (8% 503, 6% busy…) can be given; a rule that fires is used up once.
   */
  take(matches: (rule: R) => boolean): R | undefined {
    const rule = this.rules.find((f) => f.remaining > 0 && matches(f) && this.random() < (f.probability ?? 1));
    if (!rule) return undefined;
    rule.remaining--;
    this.rules = this.rules.filter((f) => f.remaining > 0);
    return rule;
  }
}
