import {
  Conflict,
  DEFAULT_STANDARD,
  Forbidden,
  Invalid,
  MERCHANT_STATUS_LABELS,
  NotFound,
  SECTORS,
  TOWNS,
  coversTown,
  isCountyAdmin,
  rollupCandidate,
  scorecardOf,
  shanghaiToday,
  toCsv,
  type AssessmentStandard,
  type AssessmentView,
  type Merchant,
  type OverrideInput,
  type ScorecardInputs,
  type ScorecardView,
} from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { logger } from '../observability/log';
import {
  findAssessment,
  findScorecard,
  listScorecards,
  putScorecard,
  saveAssessment,
  saveOverride,
  saveRescored,
  type AssessmentRecord,
  type StoredScorecard,
} from '../store/assessments';
import { shopCountersOfYear, yearlyCounters } from '../store/counters';
import { counterScope } from '../store/keys';
import { requestHashOf } from '../store/idempotency';
import { findMerchant } from '../store/merchants';
import { listCreditFlagged, listMerchantsByStatus, saveRegistryChange } from '../store/registry';
import { targetsFor } from './dashboard';
import { scopedCursor } from '../auth/sealed-cursor';
import { inspectionFactsOf } from './inspection-facts';
import { requireMembership } from './registry';
import { hitRateLimit } from '../store/rate-limits';

/**
 * The annual assessment (考核验收, docs/campaign.md): an admin opens a year with its standard; every
 * participating shop gets a scorecard computed from its counters, inspections and rectification orders, its
 * inputs stored with it; staff review, an admin overrides an item with a reason (audited); an admin confirms,
 * and the shops that passed receive 放心消费示范企业(个体户) for the year as their badge. Computing the scorecards
 * and giving the badges is done in bounded batches — as much as fits in the request, the rest by the
 * scheduled sweeper — so a county of any size is served.
 */

const label = (labels: Readonly<Record<string, string>>, code: string) => labels[code] ?? code;
/** How long an API request may spend computing scorecards or awarding badges before leaving the rest to the schedule. */
const REQUEST_BUDGET_MS = 5_000;

function requireAdmin(principal: Principal, what: string) {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden(`只有县级管理员可以${what}`);
  return staff;
}

function requireStaff(principal: Principal) {
  const staff = principal.roles.staff;
  if (!staff) throw new Forbidden('只有监管部门工作人员可以查看');
  return staff;
}

/**
 * A violation recorded after the scorecards were confirmed still bars the award, where the year's standard makes
 * credit flags a bottom line (联合惩戒): the award reads the shop again, not the scorecard's copy.
 */
function flaggedSinceScored(merchant: Merchant, standard: AssessmentRecord['standard']): boolean {
  return standard.bottomLines.includes('credit_flag') && merchant.creditFlags.length > 0;
}

/**
 * A shop flagged, suspended or revoked after the year was confirmed: its scorecard is scored again with the
 * flags and status it now has, so it fails that bottom line everywhere the year is read (the overview, the
 * bulletin's awards), and the award is not given. Audited under whoever confirmed the year.
 */
async function withholdAward(year: number, merchant: Merchant, record: AssessmentRecord, now: Date): Promise<void> {
  const card = await findScorecard(year, merchant.id);
  if (!card) return;
  const shop = card.inputs.shop;
  if (shop.creditFlags === merchant.creditFlags.length && shop.status === merchant.status) return;
  const inputs = { ...card.inputs, shop: { ...shop, creditFlags: merchant.creditFlags.length, status: merchant.status } };
  const result = scorecardOf(inputs, record.standard, card.overrides);
  const why = [
    ...(merchant.creditFlags.length > shop.creditFlags ? [`确认后新增违法违规记录（共 ${merchant.creditFlags.length} 条）`] : []),
    ...(merchant.status !== shop.status ? [`确认后店铺${MERCHANT_STATUS_LABELS[merchant.status]}`] : []),
  ];
  await saveRescored(
    { ...card, inputs, total: result.total, passed: result.passed, verdict: result.verdict, bottomLines: result.bottomLines.length, version: card.version + 1 },
    card.version,
    { staffUserId: record.confirmedBy ?? 'system', detail: `${year}年度放心消费示范称号未授予：${why.join('；') || '店铺情况有变'}`, at: now.toISOString() },
  );
}

/** What a shop's scorecard is computed from: its profile, its counters for the year, what inspections found. Three requests. */
async function inputsFor(merchant: Merchant, year: number, now: Date): Promise<ScorecardInputs> {
  const [counters, facts] = await Promise.all([shopCountersOfYear(merchant.id, year), inspectionFactsOf(merchant.id, year, now)]);
  return {
    year,
    shop: {
      id: merchant.id,
      name: merchant.name,
      status: merchant.status,
      townCode: merchant.townCode,
      sector: merchant.sector,
      commitmentCodes: merchant.commitments.flatMap((choice) => (choice.kind === 'catalogue' ? [choice.code] : [])),
      commitments: merchant.commitments.length,
      creditFlags: merchant.creditFlags.length,
    },
    counters,
    inspections: {
      inspections: facts.inspections,
      inspectionsWithoutFailures: facts.inspectionsWithoutFailures,
      bottomLineFailures: facts.bottomLineFailures,
      bottomLines: facts.bottomLines,
      rectificationsIssued: facts.rectificationsIssued,
      rectificationsClosedInTime: facts.rectificationsClosedInTime,
      rectificationsOverdue: facts.rectificationsOverdue,
      rectificationsDue: facts.rectificationsDue,
    },
  };
}

function toView(stored: Pick<StoredScorecard, 'year' | 'merchantId' | 'name' | 'townCode' | 'sector' | 'inputs' | 'overrides' | 'version'>, standard: AssessmentStandard, source: ScorecardView['source'], state?: 'open' | 'confirmed'): ScorecardView {
  const card = scorecardOf(stored.inputs, standard, stored.overrides);
  return {
    year: stored.year,
    merchant: { id: stored.merchantId, name: stored.name, townCode: stored.townCode, townName: label(TOWNS, stored.townCode), sector: stored.sector, sectorLabel: label(SECTORS, stored.sector) },
    version: stored.version,
    base: card.base,
    bonus: card.bonus,
    bonusTotal: card.bonusTotal,
    total: card.total,
    bottomLines: card.bottomLines,
    passMark: card.passMark,
    passed: card.passed,
    verdict: card.verdict,
    source,
    ...(state ? { state } : {}),
  };
}

/** Every participating (参创, active) shop of the county. */
async function participatingShops(): Promise<Merchant[]> {
  const shops: Merchant[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMerchantsByStatus('active', undefined, { cursor, limit: 100 });
    shops.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return shops;
}

/**
 * Works on the year's assessment for at most `budgetMs`: computes scorecards still pending, or gives the
 * badges still to give. Safe to run from several places at once: each scorecard is written once, and the
 * record moves on conditioned on the version read (a runner that lost the race stops).
 */
export async function continueAssessment(year: number, now: Date, budgetMs: number): Promise<{ computed: number; awarded: number }> {
  const deadline = Date.now() + budgetMs;
  let record = await findAssessment(year);
  let computed = 0;
  let awarded = 0;
  while (record && (record.state === 'computing' || record.awardsPending.length > 0) && Date.now() < deadline) {
    const batch = (record.state === 'computing' ? record.pending : record.awardsPending).slice(0, 10);
    const done: string[] = [];
    let deferred = false;
    for (const merchantId of batch) {
      if (Date.now() >= deadline) break;
      const merchant = await findMerchant(merchantId);
      if (record.state === 'computing') {
        if (merchant) {
          const inputs = await inputsFor(merchant, year, now);
          const card = scorecardOf(inputs, record.standard);
          if (await putScorecard({ year, merchantId, name: merchant.name, townCode: merchant.townCode, sector: merchant.sector, inputs, overrides: [], total: card.total, passed: card.passed, verdict: card.verdict, bottomLines: card.bottomLines.length, computedAt: now.toISOString(), version: 1 })) computed++;
        }
      } else if (merchant && (merchant.status !== 'active' || flaggedSinceScored(merchant, record.standard))) {
        // No badge for a shop no longer taking part, nor for one on the 联合惩戒 list.
        try {
          await withholdAward(year, merchant, record, now);
        } catch (error) {
          // Another runner (the confirm request and the schedule take the same batch) rescored the card first,
          // or an admin's change landed: it stays pending, for the next batch to read again, as an award does.
          if (!(error instanceof Conflict)) throw error;
          logger.warn('assessment.withholding_deferred', { year, merchantId });
          deferred = true;
          continue;
        }
      } else if (merchant && merchant.status === 'active' && !(merchant.badge?.kind === 'model' && merchant.badge.year >= year)) {
        try {
          await saveRegistryChange({
            before: merchant,
            after: { ...merchant, badge: { kind: 'model', year } },
            directory: 'publish',
            audit: { staffUserId: record.confirmedBy ?? 'system', role: 'admin', action: 'award_model', detail: `${year}年度放心消费示范`, at: now.toISOString() },
          });
        } catch (error) {
          // The shop changed since it was read (its owner saving commitments at that moment): it stays pending,
          // for the next batch or the schedule to read again. The confirmation itself has been saved.
          if (!(error instanceof Conflict)) throw error;
          logger.warn('assessment.award_deferred', { year, merchantId });
          deferred = true;
          continue;
        }
        awarded++;
      }
      done.push(merchantId);
    }
    const next: AssessmentRecord =
      record.state === 'computing'
        ? { ...record, pending: record.pending.filter((id) => !done.includes(id)), version: record.version + 1 }
        : { ...record, awardsPending: record.awardsPending.filter((id) => !done.includes(id)), version: record.version + 1 };
    if (next.state === 'computing' && next.pending.length === 0) next.state = 'open';
    try {
      await saveAssessment(next, record.version, '考核正在由其他进程处理');
    } catch (error) {
      if (error instanceof Conflict) break; // another runner moved it on
      throw error;
    }
    record = next;
    if (deferred) break; // not again in this run: the shop is read afresh by the next one
  }
  if (computed + awarded > 0) logger.info('assessment.progress', { year, computed, awarded, state: record?.state });
  return { computed, awarded };
}

/** The scheduled continuation (run by the sweeper): the current and the previous year's assessments. */
export async function continueAssessments(now: Date, budgetMs: number): Promise<{ computed: number; awarded: number }> {
  const year = Number(shanghaiToday(now).slice(0, 4));
  const previous = await continueAssessment(year - 1, now, budgetMs / 2);
  const current = await continueAssessment(year, now, budgetMs / 2);
  return { computed: previous.computed + current.computed, awarded: previous.awarded + current.awarded };
}

export async function assessmentOverview(year: number, principal: Principal, now: Date): Promise<AssessmentView> {
  const staff = requireStaff(principal);
  const record = await findAssessment(year);
  if (!record) {
    return { year, state: 'none', standard: DEFAULT_STANDARD, shops: { total: 0, computed: 0, passed: 0, failed: 0 }, sectors: [], towns: [] };
  }
  const cards = (await listScorecards(year)).filter((card) => coversTown(staff.jurisdiction, card.townCode));
  const results = cards.map((card) => ({ card, passed: scorecardOf(card.inputs, record.standard, card.overrides).passed }));
  const countyWide = staff.jurisdiction === 'county';
  const sectorCodes = countyWide ? [...new Set(cards.map((card) => card.sector))].sort() : [];
  const townCodes = [...new Set(cards.map((card) => card.townCode))].sort();
  const [{ targets }, counters] = await Promise.all([
    targetsFor(year, now),
    yearlyCounters([...sectorCodes.map((code) => counterScope.sector(code)), ...townCodes.map((code) => counterScope.town(code))], year),
  ]);
  const rollup = (kind: 'sector' | 'town', code: string, index: number) => ({
    ...rollupCandidate(code, results.filter(({ card }) => (kind === 'sector' ? card.sector : card.townCode) === code), counters[index] ?? {}, targets),
    label: kind === 'sector' ? label(SECTORS, code) : label(TOWNS, code),
  });
  const passed = results.filter((result) => result.passed).length;
  return {
    year,
    state: record.state,
    standard: record.standard,
    shops: { total: record.shops, computed: cards.length, passed, failed: results.length - passed },
    openedAt: record.openedAt,
    ...(record.confirmedAt ? { confirmedAt: record.confirmedAt } : {}),
    sectors: sectorCodes.map((code, index) => rollup('sector', code, index)),
    towns: townCodes.map((code, index) => rollup('town', code, sectorCodes.length + index)),
  };
}

/**
 * The standard a year is opened with: today's scoring rules, and the rates for full points as given or else
 * the year's targets as the office set them (the plan's by default), so that a shop meeting the year's target
 * is not scored against another.
 */
/**
 * The standard with the year's targets as thresholds (unless it names its own), and the targets' version. `fresh`
 * when the standard is about to be frozen by opening the year: a container's cached targets may be a minute old.
 */
async function withYearTargets(standard: AssessmentStandard, year: number, now: Date, fresh = false): Promise<{ standard: AssessmentStandard; targetsVersion: number }> {
  const { targets, version } = await targetsFor(year, now, fresh);
  if (standard.thresholds) return { standard: { ...standard, rules: 2 }, targetsVersion: version };
  return {
    standard: { ...standard, rules: 2, thresholds: { handlingRate: targets.handlingRate, settlementRate: targets.settlementRate, satisfactionRate: targets.satisfactionRate } },
    targetsVersion: version,
  };
}

/** An admin opens a year's assessment with its standard: every participating shop is to be assessed. */
export async function openAssessment(year: number, standard: AssessmentStandard | undefined, principal: Principal, now: Date): Promise<AssessmentView> {
  const staff = requireAdmin(principal, '开启年度考核');
  // A year not begun has nothing to assess (every shop would score full marks on empty counters); one
  // older than last year is never continued by the schedule, so a large county's would stay computing.
  const thisYear = Number(shanghaiToday(now).slice(0, 4));
  if (year > thisYear) throw new Invalid(`${year}年尚未开始，不能开启该年度考核`, 'year');
  if (year < thisYear - 1) throw new Invalid(`只能开启${thisYear}年或${thisYear - 1}年的年度考核`, 'year');
  const shops = await participatingShops();
  const opening = await withYearTargets(standard ?? DEFAULT_STANDARD, year, now, true);
  const record: AssessmentRecord = {
    year,
    state: shops.length === 0 ? 'open' : 'computing',
    standard: opening.standard,
    shops: shops.length,
    pending: shops.map((shop) => shop.id),
    awardsPending: [],
    openedAt: now.toISOString(),
    openedBy: principal.userId,
    version: 1,
  };
  try {
    await saveAssessment(record, undefined, `${year}年度考核已经开启`, {
      staffUserId: principal.userId,
      role: staff.role,
      action: 'assessment_opened',
      detail: `参评商户 ${shops.length} 家，合格线 ${record.standard.passMark} 分`,
    }, { version: opening.targetsVersion });
  } catch (error) {
    // The same admin opening the year again with the same standard, a retry after a lost answer: the year as it stands.
    const standing = error instanceof Conflict ? await findAssessment(year) : undefined;
    if (standing?.openedBy === principal.userId && requestHashOf(standing.standard) === requestHashOf(record.standard)) return assessmentOverview(year, principal, now);
    throw error;
  }
  await continueAssessment(year, now, REQUEST_BUDGET_MS);
  return assessmentOverview(year, principal, now);
}

/** A scorecard row's place in the review order: failed first, then by total (highest first), name, id. */
type Place = [passed: number, negativeTotal: number, name: string, merchantId: string];
const placeOf = ({ card, result }: { card: { name: string; merchantId: string }; result: { passed: boolean; total: number } }): Place => [
  Number(result.passed),
  -result.total,
  card.name,
  card.merchantId,
];
function comparePlaces(a: Place, b: Place): number {
  return a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]) || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0);
}
function openPlace(opened: string | undefined): Place | undefined {
  if (opened === undefined) return undefined;
  try {
    const place = JSON.parse(opened) as unknown;
    if (Array.isArray(place) && place.length === 4 && typeof place[0] === 'number' && typeof place[1] === 'number' && typeof place[2] === 'string' && typeof place[3] === 'string') {
      return place as Place;
    }
  } catch {
    // refused below
  }
  throw new Invalid('分页参数无效，请从第一页重新加载', 'cursor');
}

export async function listYearScorecards(year: number, query: { town?: string; result?: 'passed' | 'failed'; cursor?: string; limit: number }, principal: Principal) {
  const staff = requireStaff(principal);
  if (query.town && !coversTown(staff.jurisdiction, query.town)) throw new Forbidden('该乡镇不在您的辖区');
  const record = await findAssessment(year);
  if (!record) throw new NotFound(`${year}年度考核尚未开启`);
  const cards = (await listScorecards(year))
    .filter((card) => coversTown(staff.jurisdiction, card.townCode) && (!query.town || card.townCode === query.town))
    .map((card) => ({ card, result: scorecardOf(card.inputs, record.standard, card.overrides) }))
    .filter(({ result }) => !query.result || (query.result === 'passed') === result.passed)
    .sort((a, b) => comparePlaces(placeOf(a), placeOf(b)));
  // The list is small (a county's shops) and sorted for review. The cursor is the last row's place in that order,
  // not its position, so cards arriving (still computing) or leaving between pages shift nothing. A card whose own
  // place changes between pages (an override moving it past the cursor, or back before it) can still show twice
  // or be missed until the list is read again. Sealed to this list's year, filters and caller like every scoped list's.
  const pager = scopedCursor('scorecards', principal.userId, { year, town: query.town, result: query.result });
  const after = openPlace(pager.incoming(query.cursor));
  const rest = after ? cards.filter((row) => comparePlaces(placeOf(row), after) > 0) : cards;
  const page = rest.slice(0, query.limit);
  const next = rest.length > query.limit ? JSON.stringify(placeOf(page.at(-1)!)) : undefined;
  return {
    items: page.map(({ card, result }) => ({
      merchant: { id: card.merchantId, name: card.name, townCode: card.townCode, townName: label(TOWNS, card.townCode), sector: card.sector, sectorLabel: label(SECTORS, card.sector) },
      total: result.total,
      passed: result.passed,
      verdict: result.verdict,
      version: card.version,
      overridden: card.overrides.length > 0,
      bottomLines: result.bottomLines.length,
    })),
    ...pager.outgoing(next),
  };
}

/** One stored scorecard, for staff with the shop's town in their jurisdiction (404 otherwise). */
export async function yearScorecard(year: number, merchantId: string, principal: Principal): Promise<ScorecardView> {
  const staff = requireStaff(principal);
  const [record, card] = await Promise.all([findAssessment(year), findScorecard(year, merchantId)]);
  if (!record || !card || !coversTown(staff.jurisdiction, card.townCode)) throw new NotFound('未找到该店铺的考核评分');
  return toView(card, record.standard, 'assessment', record.state === 'confirmed' ? 'confirmed' : 'open');
}

/** An admin overrides one item of a scorecard, with a reason (audited); only while the assessment is open. */
export async function overrideScore(year: number, merchantId: string, input: OverrideInput, principal: Principal, now: Date): Promise<ScorecardView> {
  const staff = requireAdmin(principal, '调整考核评分');
  const [record, card] = await Promise.all([findAssessment(year), findScorecard(year, merchantId)]);
  if (!record || !card) throw new NotFound('未找到该店铺的考核评分');
  // The admin's own override sent again (its answer lost, or a double tap): the scorecard as it stands.
  const ownOverride = (current: StoredScorecard | undefined) => {
    const last = current?.overrides.at(-1);
    return current?.version === input.version + 1 && last?.by === principal.userId && last.item === input.item && last.points === input.points && last.reason === input.reason;
  };
  if (ownOverride(card)) return toView(card, record.standard, 'assessment', record.state === 'confirmed' ? 'confirmed' : 'open');
  if (record.state === 'confirmed') throw new Conflict(`${year}年度考核已确认，不能再调整评分`);
  if (card.version !== input.version) throw new Conflict('该评分刚刚已被他人调整，请刷新后再操作');
  const override = { item: input.item, points: input.points, reason: input.reason, by: principal.userId, at: now.toISOString() };
  const overrides = [...card.overrides, override];
  const result = scorecardOf(card.inputs, record.standard, overrides);
  const next: StoredScorecard = { ...card, overrides, total: result.total, passed: result.passed, verdict: result.verdict, bottomLines: result.bottomLines.length, version: card.version + 1 };
  try {
    await saveOverride(next, card.version, override, staff.role);
  } catch (error) {
    const current = error instanceof Conflict ? await findScorecard(year, merchantId) : undefined;
    if (current && ownOverride(current)) return toView(current, record.standard, 'assessment', 'open');
    throw error;
  }
  return toView(next, record.standard, 'assessment', 'open');
}

/** An admin confirms the year: the shops that passed get their 示范 badge (now, and the rest by the schedule). */
export async function confirmAssessment(year: number, principal: Principal, now: Date): Promise<AssessmentView> {
  const staff = requireAdmin(principal, '确认年度考核');
  const record = await findAssessment(year);
  if (!record) throw new NotFound(`${year}年度考核尚未开启`);
  // The admin's own confirmation sent again (its answer was lost, or a double tap): the year as it stands.
  const confirmedByMe = (current: AssessmentRecord | undefined) => current?.state === 'confirmed' && current.confirmedBy === principal.userId;
  if (confirmedByMe(record)) return assessmentOverview(year, principal, now);
  if (record.state === 'confirmed') throw new Conflict(`${year}年度考核已经确认，不能重复确认`);
  if (record.state === 'computing') throw new Conflict('评分尚未全部计算完成，请稍后再确认');
  const passed = (await listScorecards(year)).filter((card) => scorecardOf(card.inputs, record.standard, card.overrides).passed);
  try {
    await saveAssessment(
      { ...record, state: 'confirmed', awardsPending: passed.map((card) => card.merchantId), confirmedAt: now.toISOString(), confirmedBy: principal.userId, version: record.version + 1 },
      record.version,
      `${year}年度考核刚刚有变动（已被确认，或有评分调整），请刷新后再确认`,
      { staffUserId: principal.userId, role: staff.role, action: 'assessment_confirmed', detail: `合格 ${passed.length} 家，授予${year}年度放心消费示范称号` },
    );
  } catch (error) {
    if (error instanceof Conflict && confirmedByMe(await findAssessment(year))) return assessmentOverview(year, principal, now);
    throw error;
  }
  await continueAssessment(year, now, REQUEST_BUDGET_MS);
  return assessmentOverview(year, principal, now);
}

/**
 * The shops that may not be put forward for 文明单位 / 文明市场 / 文明诚信经营户 / 守合同重信用: those that failed the
 * year's assessment, and every shop on the 联合惩戒 list. CSV, safe against formula injection.
 */
export async function exclusionsCsv(year: number, principal: Principal, now: Date): Promise<string> {
  const staff = requireStaff(principal);
  await hitRateLimit('fileExport', principal.userId, now);
  const record = await findAssessment(year);
  const rows: Array<Array<string | number>> = [['店铺名称', '乡镇（街道）', '行业', '原因']];
  const listed = new Set<string>();
  if (record) {
    for (const card of await listScorecards(year)) {
      if (!coversTown(staff.jurisdiction, card.townCode)) continue;
      const result = scorecardOf(card.inputs, record.standard, card.overrides);
      if (result.passed) continue;
      rows.push([card.name, label(TOWNS, card.townCode), label(SECTORS, card.sector), `${year}年度考核${result.verdict}`]);
      listed.add(card.merchantId);
    }
  }
  let cursor: string | undefined;
  do {
    const page = await listCreditFlagged({ cursor, limit: 100 });
    for (const shop of page.items) {
      if (listed.has(shop.id) || !coversTown(staff.jurisdiction, shop.townCode)) continue;
      rows.push([shop.name, shop.townName, label(SECTORS, shop.sector), `联合惩戒名单（违法违规记录 ${shop.creditFlags.length} 条）`]);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return toCsv(rows);
}

/** A shop's own live scorecard for this year: where it stands before the assessment (its people only). */
export async function myScorecard(merchantId: string, principal: Principal, now: Date): Promise<ScorecardView> {
  await requireMembership(merchantId, principal);
  const merchant = await findMerchant(merchantId);
  if (!merchant) throw new NotFound('未找到该店铺');
  const year = Number(shanghaiToday(now).slice(0, 4));
  const record = await findAssessment(year);
  const inputs = await inputsFor(merchant, year, now);
  return toView({ year, merchantId, name: merchant.name, townCode: merchant.townCode, sector: merchant.sector, inputs, overrides: [], version: 0 }, record?.standard ?? (await withYearTargets(DEFAULT_STANDARD, year, now)).standard, 'live');
}
