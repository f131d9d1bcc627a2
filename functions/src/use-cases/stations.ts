import { createHmac, randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import {
  CLAIM_CODE_VALID_DAYS,
  COMPLAINT_CATEGORIES,
  Conflict,
  FILED_COUNTERS,
  Forbidden,
  INTAKE_CHANNELS,
  Invalid,
  NotFound,
  STATION_PLACE_TYPES,
  STATUS_LABELS,
  TOWNS,
  commitmentDeltas,
  coversTown,
  isCountyAdmin,
  fileEvent,
  initialState,
  isPubliclyVisible,
  isUnclaimed,
  maskName,
  maskPhone,
  notificationsForFiling,
  purchaseDateNotInFuture,
  resolveCommitment,
  shanghaiToday,
  toCsv,
  transition,
  unclaimedConsumerId,
  type Actor,
  type ClaimCodeIssued,
  type ComplaintView,
  type IntakeChannel,
  type LedgerLine,
  type Session,
  type StationFiled,
  type StationInvitation,
  type StationPlaceType,
  type StationView,
  type TownCode,
} from '@fangxin/shared';
import type * as z from 'zod/mini';
import type { RegisterStationRequest as RegisterSchema, StationFileComplaintRequest as FileSchema } from '@fangxin/shared';
import { issueToken, type Principal } from '../auth/token';
import { authConfig } from '../config';
import { createComplaint, loadComplaint, saveTransition, type ComplaintRecord } from '../store/complaints';
import { findMerchant } from '../store/merchants';
import { isShopMember } from '../store/registry';
import { findUser } from '../store/users';
import { DESCRIPTION_TARGET } from '../store/keys';
import { claimedResult, findClaim, requestHashOf, requireSameRequest } from '../store/idempotency';
import { hitRateLimit } from '../store/rate-limits';
import {
  claimCodeHash,
  claimCodeUse,
  claimCodePut,
  findClaimCode,
  recordClaimCodeSms,
  takeClaimCodeSmsSend,
  replaceClaimCode,
  findStation,
  findStationCode,
  ALREADY_STATION_STAFF,
  isStationStaff,
  ledgerEntryWrite,
  listLedger,
  listStations,
  redeemStationCode as redeemCode,
  saveNewStation,
  saveStationCode,
  type StationRecord,
} from '../store/stations';
import { findComplaintRecords } from '../store/complaints';
import { clocksAt } from './clocks';
import { toComplaintView } from './complaint-view';
import { checkUserText } from './content-check';
import { counterWrites } from './counter-scopes';
import { moderationOf, moderationTaskFor } from './moderation-rules';
import { sendClaimCodeSms, type ClaimCodeSms } from './claim-code-sms';

/** What a station is told of the SMS: a send's outcome, or `sending` while its twin request texts. */
type ClaimCodeSmsAnswer = ClaimCodeSms | 'sending';
import { redeemOnce } from './one-time-codes';
import { logger } from '../observability/log';
import { checkOwnPhotos } from './photo-ownership';
import { givenBack, hitFilingLimits, refuseOwnShop } from './file-complaint';
import { BINDING_CODE_REFUSED } from '../store/binding-code-refusal';

/**
 * Complaint stations (投诉站): the office registers them and gives their staff a one-time code to join;
 * station staff file for consumers who walk in or phone, and follow those cases on the station's ledger.
 * The consumer claims a case in the mini-program with a code from the receipt slip or an SMS.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomKey = (length: number) => Array.from({ length }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');
const STATION_CODE_TTL_SECONDS = 7 * 24 * 60 * 60;


export function toStationView(station: StationRecord): StationView {
  return {
    id: station.stationId,
    name: station.name,
    townCode: station.townCode,
    townName: TOWNS[station.townCode as TownCode] ?? station.townCode,
    placeType: station.placeType,
    placeTypeLabel: STATION_PLACE_TYPES[station.placeType as StationPlaceType] ?? station.placeType,
    address: station.address,
    contactName: station.contactName,
    contactPhone: station.contactPhone,
    registeredAt: station.registeredAt,
  };
}

function requireAdmin(principal: Principal) {
  const staff = principal.roles.staff;
  if (!staff || !isCountyAdmin(staff)) throw new Forbidden('只有县联席会议办公室管理员可以登记投诉站');
  return staff;
}

/** Bureau staff: the stations in their jurisdiction. */
export async function stationsFor(principal: Principal) {
  const staff = principal.roles.staff!;
  const stations = await listStations();
  return { items: stations.filter((station) => coversTown(staff.jurisdiction, station.townCode)).map(toStationView) };
}

/** County admins register a station (replay-safe; audited). */
export async function registerStation(input: z.output<typeof RegisterSchema>, principal: Principal, idempotencyKey: string, now: Date): Promise<StationView> {
  const staff = requireAdmin(principal);
  if (!coversTown(staff.jurisdiction, input.townCode)) throw new Forbidden('该乡镇（街道）不在您的管辖范围内');
  const station: StationRecord = { stationId: `STN${ulid(now.getTime())}`, ...input, registeredAt: now.toISOString(), registeredBy: principal.userId };
  const hash = requestHashOf(input);
  const claim = { userId: principal.userId, operation: 'registerStation', key: idempotencyKey, requestHash: hash, resultId: station.stationId };
  if ((await saveNewStation(station, claim)) === 'created') return toStationView(station);
  const claimed = await claimedResult(claim);
  requireSameRequest({ requestHash: claimed.requestHash }, hash, '投诉站登记');
  const existing = await findStation(claimed.resultId);
  if (!existing) throw new Conflict('投诉站正在保存，请稍后刷新列表');
  return toStationView(existing);
}

/**
 * Admins, and regulators of the station's town: a one-time code for a new member of the station's staff.
 * Sent again with its Idempotency-Key (a lost answer, a double tap), the same code while it is unused.
 */
export async function inviteStationStaff(stationId: string, principal: Principal, idempotencyKey: string, now: Date): Promise<StationInvitation> {
  const staff = principal.roles.staff!;
  const station = await findStation(stationId);
  if (!station || !coversTown(staff.jurisdiction, station.townCode)) throw new NotFound('未找到该投诉站');
  if (staff.role === 'mediator') throw new Forbidden('您的岗位无权为投诉站发放绑定码');
  const code = randomKey(10);
  const claim = { userId: principal.userId, operation: 'inviteStationStaff', key: idempotencyKey, requestHash: requestHashOf({ stationId }), resultId: code };
  const earlier = await findClaim(claim);
  if (earlier) return stationCodeAgain(earlier, claim.requestHash, stationId, now);
  await hitRateLimit('stationInvite', stationId, now);
  const expiresAt = Math.floor(now.getTime() / 1000) + STATION_CODE_TTL_SECONDS;
  const saved = await saveStationCode({ code, stationId, townCode: station.townCode, issuedBy: principal.userId, issuedAt: now.toISOString(), expiresAt }, staff.role, claim);
  if (saved === 'replayed') {
    await givenBack([['stationInvite', stationId]], now);
    return stationCodeAgain(await claimedResult(claim), claim.requestHash, stationId, now);
  }
  return { code, stationId, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

/** The code an earlier try with this key made, while nobody has used it. */
async function stationCodeAgain(earlier: { resultId: string; requestHash: string }, requestHash: string, stationId: string, now: Date): Promise<StationInvitation> {
  requireSameRequest(earlier, requestHash, '绑定码');
  const code = await findStationCode(earlier.resultId);
  if (!code || code.usedBy || code.stationId !== stationId || code.expiresAt * 1000 < now.getTime()) throw new Conflict('这个绑定码已被使用或已过期，请重新生成');
  return { code: code.code, stationId, expiresAt: new Date(code.expiresAt * 1000).toISOString() };
}

/**
 * Joins a station with a code; answers a fresh session whose roles include the station. Throttled per person.
 * The person who used a code and sends it again (the answer was lost on the way) is answered the same, while
 * they still work there.
 */
export async function redeemStationCode(code: string, principal: Principal, now: Date): Promise<Session> {
  await hitRateLimit('stationCode', principal.userId, now);
  const binding = await findStationCode(code);
  const live = binding && binding.expiresAt * 1000 >= now.getTime() ? binding : undefined;
  if (live?.usedBy) return answerUsedStationCode(live, principal, now);
  if (principal.roles.station) throw new Conflict(ALREADY_STATION_STAFF);
  if (!live) throw new Invalid(BINDING_CODE_REFUSED, 'code');
  const redeemed = await redeemOnce(
    () => redeemCode({ code, stationId: live.stationId, townCode: live.townCode }, principal, now.toISOString()),
    () => findStationCode(code),
    principal.userId,
    (used) => answerUsedStationCode(used, principal, now),
  );
  return redeemed === 'redeemed' ? stationSession(principal, live, now) : redeemed.answer;
}

async function answerUsedStationCode(binding: { stationId: string; townCode: string; usedBy?: string }, principal: Principal, now: Date): Promise<Session> {
  if (binding.usedBy !== principal.userId || !(await isStationStaff(binding.stationId, principal.userId))) {
    throw new Invalid(BINDING_CODE_REFUSED, 'code');
  }
  return stationSession(principal, binding, now);
}

async function stationSession(principal: Principal, binding: { stationId: string; townCode: string }, now: Date): Promise<Session> {
  const user = await findUser(principal.userId);
  const roles = user?.roles ?? { ...principal.roles, station: { stationId: binding.stationId, townCode: binding.townCode } };
  const { token, expiresAt } = await issueToken({ ...principal, roles }, now);
  return { token, expiresAt, user: { id: principal.userId, displayName: principal.displayName, roles } };
}

/** The caller's station, checked live (a removed member's token still names it). */
export async function requireStationStaff(principal: Principal): Promise<StationRecord> {
  const binding = principal.roles.station;
  if (!binding || !(await isStationStaff(binding.stationId, principal.userId))) throw new Forbidden('您已不是投诉站工作人员');
  const station = await findStation(binding.stationId);
  if (!station) throw new Forbidden('您所在的投诉站已不存在');
  return station;
}

/**
 * The 8-digit claim code of one request, and its hash. It is made from the request (its Idempotency-Key and
 * what it says) under a server secret, so the same request sent again (the station's answer lost on the way)
 * is answered the same code, while only the hash is stored and nobody without the secret can work a code out.
 */
function claimCodeOf(request: { userId: string; operation: string; key: string; requestHash: string }, now: Date) {
  const digest = createHmac('sha256', authConfig().jwtSecret)
    .update(`fangxin claim code:${request.userId}#${request.operation}#${request.key}#${request.requestHash}`)
    .digest();
  const code = String(digest.readUIntBE(0, 6) % 100_000_000).padStart(8, '0');
  const expiresAt = Math.floor(now.getTime() / 1000) + CLAIM_CODE_VALID_DAYS * 86_400;
  return { code, hash: claimCodeHash(code), expiresAt, expiresAtIso: new Date(expiresAt * 1000).toISOString() };
}

/** A claim code's SMS as a request asks for it: the number, the station that signs it, the staff member whose allowance it spends. */
interface ClaimCodeSmsRequest {
  phone?: string | undefined;
  stationName: string;
  staffUserId: string;
  requested: boolean;
}

/** Longer than any send takes (the SMS client's own timeout included): a send taken this long ago and not recorded died. */
const SMS_SEND_LOST_MS = 60_000;

/**
 * What the twin request that took the code's SMS send recorded: read for a few seconds, then `sending`. A send
 * taken long ago and never recorded died with its request: `failed`, so the station hands the code over itself.
 */
async function twinsSmsOutcome(hash: string, now: Date): Promise<ClaimCodeSmsAnswer> {
  for (let read = 0; read < 6; read++) {
    const stored = await findClaimCode(hash);
    if (stored?.sms) return stored.sms;
    if (!stored || (stored.smsSendingSince ?? 0) < now.getTime() - SMS_SEND_LOST_MS) return 'failed';
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return 'sending';
}

/**
 * The answer to a request that made a claim code, sent again: the same code while it is still the case's live
 * one. Its SMS is not sent twice: the outcome recorded is answered; if none was recorded (the first try ended
 * before it could), it is sent now.
 */
async function claimCodeAgain(
  record: ComplaintRecord,
  code: { code: string; hash: string },
  sms: ClaimCodeSmsRequest,
  now: Date,
): Promise<ClaimCodeIssued | undefined> {
  if (!isUnclaimed(record) || record.claimCodeHash !== code.hash) return undefined;
  const stored = await findClaimCode(code.hash);
  if (!stored || stored.usedBy || stored.expiresAt * 1000 < now.getTime()) return undefined;
  const outcome = stored.sms ?? (await sendAndRecord(code, sms, now));
  return { claimCode: code.code, claimCodeExpiresAt: new Date(stored.expiresAt * 1000).toISOString(), claimCodeSms: outcome };
}

/**
 * Texts the code when asked (and there is still a number: after retention it is masked), and records the
 * outcome with the code. Not asked, nothing is written. A record that fails is logged, not answered: the text
 * went, and the station must get its code. The send is taken first (one conditional update), so of a request
 * and its twin (a double tap, a retry while the first was on its way) only one texts; the other is answered
 * what the first recorded, waited for a few seconds, or `sending`.
 */
async function sendAndRecord(code: { code: string; hash: string }, sms: ClaimCodeSmsRequest, now: Date): Promise<ClaimCodeSmsAnswer> {
  if (!sms.requested || !sms.phone) return 'not_requested';
  if (!(await takeClaimCodeSmsSend(code.hash, now.getTime()))) return twinsSmsOutcome(code.hash, now);
  const outcome = await sendClaimCodeSms(sms.phone, code.code, { name: sms.stationName, staffUserId: sms.staffUserId }, now);
  try {
    await recordClaimCodeSms(code.hash, outcome);
  } catch (error) {
    logger.warn('claim code sms outcome not recorded', { outcome, error: (error as Error).name });
  }
  return outcome;
}

/**
 * A station files for a walk-in or phone consumer: the same checks and lifecycle as the consumer's own
 * filing; the complaint belongs to nobody's account until claimed. The ledger line and the claim code's
 * hash are written in the filing's transaction. The code is answered once (only its hash is kept).
 */
export async function stationFileComplaint(
  input: z.output<typeof FileSchema>,
  principal: Principal,
  idempotencyKey: string,
  now: Date,
): Promise<StationFiled> {
  const station = await requireStationStaff(principal);
  const actor: Actor = { kind: 'station', userId: principal.userId, stationId: station.stationId };
  const hash = requestHashOf(input);
  const claimCode = claimCodeOf({ userId: principal.userId, operation: 'stationFileComplaint', key: idempotencyKey, requestHash: hash }, now);
  const sms: ClaimCodeSmsRequest = { phone: input.consumerPhone, stationName: station.name, staffUserId: principal.userId, requested: input.sendClaimCodeBySms };
  const answerRetry = async (earlier: { resultId: string; requestHash: string }): Promise<StationFiled> => {
    requireSameRequest(earlier, hash, '投诉');
    const existing = await loadComplaint(earlier.resultId);
    if (!existing) throw new Conflict('投诉正在保存，请稍后在台账中查看');
    // The same code again while it is the case's live one; once claimed or replaced, none.
    const again = await claimCodeAgain(existing.record, claimCode, sms, now);
    return { complaint: await toComplaintView(existing.record, existing.events, actor, now), ...again };
  };
  // A retry first, whatever changed since, and before the content check (see hitFilingLimits).
  const earlier = await findClaim({ userId: principal.userId, operation: 'stationFileComplaint', key: idempotencyKey });
  if (earlier) return answerRetry(earlier);

  if (!purchaseDateNotInFuture(input.purchaseDate, shanghaiToday(now))) throw new Invalid('购买日期不能晚于今天', 'purchaseDate');
  checkOwnPhotos(input.photos, principal, 'photos');
  const merchant = await findMerchant(input.merchantId);
  if (!merchant || !isPubliclyVisible(merchant)) throw new NotFound('未找到该店铺，请重新选择被投诉的店铺');
  const commitmentsInForce = merchant.commitments.map((choice, index) => {
    const { key, title } = resolveCommitment(choice, index);
    return { key, title };
  });
  const breached = input.commitmentKey ? commitmentsInForce.find((c) => c.key === input.commitmentKey) : undefined;
  if (input.commitmentKey && !breached) throw new Invalid('所选承诺不在该店铺的承诺列表中', 'commitmentKey');
  refuseOwnShop(principal, merchant.id);
  const limits = await hitFilingLimits({ kind: 'station', userId: principal.userId }, merchant.id, now);

  const [{ rules, calendar }, check] = await Promise.all([clocksAt(now), checkUserText(input.description, principal.userId, now)]);
  const id = ulid(now.getTime());
  const record: ComplaintRecord = {
    ...initialState({ consumerId: unclaimedConsumerId(id), merchantId: merchant.id, townCode: merchant.townCode, stationId: station.stationId }, now, rules, calendar),
    id,
    merchantName: merchant.name,
    sector: merchant.sector,
    areaType: merchant.areaType,
    category: input.category,
    ...(breached ? { breachedCommitment: breached } : {}),
    commitmentsInForce,
    commitmentsVersion: merchant.commitmentsVersion,
    description: input.description,
    descriptionModeration: moderationOf(check),
    purchaseDate: input.purchaseDate,
    ...(input.amount ? { amount: input.amount } : {}),
    wantedOutcome: input.wantedOutcome,
    photos: input.photos,
    phone: input.consumerPhone,
    sharePhoneWithMerchant: input.sharePhoneWithMerchant,
    filedAt: now.toISOString(),
    channel: input.channel,
    consumerName: input.consumerName,
    spokenConsent: true,
    claimCodeHash: claimCode.hash,
  };
  const event = fileEvent(actor, now, { channel: input.channel, text: `${station.name}${INTAKE_CHANNELS[input.channel]}` });
  const task = moderationTaskFor(
    check,
    { complaintId: id, target: DESCRIPTION_TARGET, textType: 'file', text: record.description, authorKind: 'consumer', authorUserId: principal.userId, writtenAt: event.at },
    record,
  );
  const outcome = await createComplaint(
    record,
    event,
    {
      counters: counterWrites(record, FILED_COUNTERS, commitmentDeltas('filed')),
      notifications: notificationsForFiling(record),
      ...(task ? { moderation: [task] } : {}),
      // In the claim's transaction: a retry answered from the claim audits nothing twice.
      audit: { staffUserId: principal.userId, role: 'station' },
      writes: [
        ledgerEntryWrite({ stationId: station.stationId, filedAt: record.filedAt, complaintId: id, channel: input.channel, filedBy: principal.userId }),
        claimCodePut({ hash: claimCode.hash, complaintId: id, expiresAt: claimCode.expiresAt }),
      ],
    },
    { userId: principal.userId, key: idempotencyKey, requestHash: hash, operation: 'stationFileComplaint' },
  );
  if (outcome.kind === 'created') {
    return {
      complaint: await toComplaintView(record, [event], actor, now),
      claimCode: claimCode.code,
      claimCodeExpiresAt: claimCode.expiresAtIso,
      claimCodeSms: await sendAndRecord(claimCode, sms, now),
    };
  }
  await limits.giveBack();
  return answerRetry({ resultId: outcome.complaintId, requestHash: outcome.requestHash });
}

/**
 * A new claim code for a case the station took in and nobody has claimed; the old code stops working. The same
 * request sent again with its Idempotency-Key is answered the same code, and texts nobody twice.
 */
export async function reissueClaimCode(complaintId: string, sendBySms: boolean, principal: Principal, idempotencyKey: string, now: Date): Promise<ClaimCodeIssued> {
  const station = await requireStationStaff(principal);
  const loaded = await loadComplaint(complaintId);
  if (!loaded || loaded.record.stationId !== station.stationId) throw new NotFound('未找到该投诉，或不是本站受理的投诉');
  const { record } = loaded;
  const request = { userId: principal.userId, operation: 'reissueClaimCode', key: idempotencyKey, requestHash: requestHashOf({ complaintId, sendBySms }) };
  const claim = { ...request, resultId: complaintId };
  const claimCode = claimCodeOf(request, now);
  // After retention the phone is masked (docs/privacy.md): there is no number to text.
  const sms: ClaimCodeSmsRequest = { phone: record.retentionAppliedAt ? undefined : record.phone, stationName: station.name, staffUserId: principal.userId, requested: sendBySms };
  // The case as it stands: read above when the key was claimed before this request, read again after losing to a twin.
  const replay = async (current: ComplaintRecord) => {
    requireSameRequest(await claimedResult(claim), claim.requestHash, '认领码');
    const again = await claimCodeAgain(current, claimCode, sms, now);
    if (!again) throw new Conflict('该认领码已被消费者使用或已被新的认领码替换，请刷新后查看');
    return again;
  };
  if (await findClaim(claim)) return replay(record);
  if (!isUnclaimed(record)) throw new Conflict('消费者已认领该投诉，无需再发认领码');
  // Counted per case, whoever at the station asks: each new code voids the last and may text the consumer.
  await hitRateLimit('claimCodeReissue', record.id, now);
  const saved = await replaceClaimCode(record, claimCode, { by: principal.userId, at: now.toISOString(), bySms: sendBySms }, claim).catch(async (error: unknown) => {
    // Two taps at once: the twin's transaction may beat this one on the case itself (a transaction conflict, not
    // the claim's condition). If the twin's claim is there, this is the twin's replay, not a change by someone else.
    if (!(error instanceof Conflict)) throw error;
    await claimedResult(claim).catch(() => Promise.reject(error));
    return 'replayed' as const;
  });
  if (saved === 'replayed') {
    // Its twin made the code: this try's count is given back, so a double tap spends one of the day's three.
    await givenBack([['claimCodeReissue', record.id]], now);
    return replay((await loadComplaint(complaintId))?.record ?? record);
  }
  return { claimCode: claimCode.code, claimCodeExpiresAt: claimCode.expiresAtIso, claimCodeSms: await sendAndRecord(claimCode, sms, now) };
}

/**
 * A consumer claims a station-filed complaint with its code: the code is used up (a conditional delete in the
 * transition's transaction, so two people racing with one code cannot both win) and the complaint becomes
 * theirs. A wrong, used or expired code gets the same answer; attempts are rate-limited per person.
 */
export async function claimComplaint(code: string, principal: Principal, now: Date): Promise<ComplaintView> {
  await hitRateLimit('claimCode', principal.userId, now);
  return claimWith(code, principal, now, 1);
}

async function claimWith(code: string, principal: Principal, now: Date, attempt: 1 | 2): Promise<ComplaintView> {
  const refused = () => new Invalid('认领码不正确或已失效，请核对受理回执上的认领码，或请投诉站重新发送', 'code');
  const hash = claimCodeHash(code);
  const stored = await findClaimCode(hash);
  if (!stored || stored.expiresAt * 1000 < now.getTime()) throw refused();
  const loaded = await loadComplaint(stored.complaintId);
  if (!loaded) throw refused();
  // The claimant sending their code again (the answer was lost on the way) is answered with their complaint.
  if (stored.usedBy) {
    if (stored.usedBy !== principal.userId || loaded.record.consumerId !== principal.userId) throw refused();
    return toComplaintView(loaded.record, loaded.events, { kind: 'consumer', userId: principal.userId }, now, loaded.notice);
  }
  if (!isUnclaimed(loaded.record) || loaded.record.claimCodeHash !== hash) throw refused();
  const { record, events } = loaded;
  await refuseInterestedParty(record, principal);
  const { rules, calendar } = await clocksAt(now);
  const { state, event } = transition(record, { type: 'link_consumer', userId: principal.userId }, { kind: 'system' }, now, rules, calendar);
  const { claimCodeHash: _used, ...claimed } = state;
  void _used;
  try {
    await saveTransition(record.version, claimed, event, {
      counters: [],
      notifications: [],
      writes: [claimCodeUse(hash, principal.userId)],
    });
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    const raced = await loadComplaint(record.id);
    // The case moved at that moment (the shop answered, the sweeper ran) and the code is still its live one:
    // claimed on the new version, once, rather than telling the consumer their good code is wrong.
    if (raced && attempt === 1 && isUnclaimed(raced.record) && raced.record.claimCodeHash === hash) return claimWith(code, principal, now, 2);
    // Two taps racing: the one that lost finds the complaint claimed by the same person.
    if (raced?.record.consumerId !== principal.userId) throw refused();
    return toComplaintView(raced.record, raced.events, { kind: 'consumer', userId: principal.userId }, now, raced.notice);
  }
  const actor: Actor = { kind: 'consumer', userId: principal.userId };
  return toComplaintView(claimed, [...events, event], actor, now, loaded.notice);
}

/**
 * The claimant must be the consumer, not someone on either side of the desk: the staff of the station that took
 * the case in hold its claim code, and the shop's own people would rate and settle their own case. Checked live
 * as well as in the token, which may predate the membership.
 */
async function refuseInterestedParty(record: ComplaintRecord, principal: Principal): Promise<void> {
  const [stationMember, shopMember] = await Promise.all([
    principal.roles.station?.stationId === record.stationId || (record.stationId ? isStationStaff(record.stationId, principal.userId) : false),
    principal.roles.merchantIds.includes(record.merchantId) || isShopMember(record.merchantId, principal.userId),
  ]);
  if (stationMember) throw new Forbidden('您是受理该投诉的投诉站工作人员，不能认领；请将认领码交给消费者本人');
  if (shopMember) throw new Forbidden('您是被投诉店铺的店主或店员，不能认领该投诉');
}

/** The station's ledger: its lines newest first, each with where the case stands (one Query, one BatchGetItem). */
export async function stationLedger(principal: Principal, page: { cursor?: string | undefined; limit: number }) {
  const station = await requireStationStaff(principal);
  const entries = await listLedger(station.stationId, page);
  const records = new Map((await findComplaintRecords(entries.items.map((entry) => entry.complaintId))).map((record) => [record.id, record]));
  const items = entries.items.flatMap((entry) => {
    const record = records.get(entry.complaintId);
    return record ? [ledgerLine(record, entry.channel)] : [];
  });
  return { station: toStationView(station), items, ...(entries.nextCursor ? { nextCursor: entries.nextCursor } : {}) };
}

function ledgerLine(record: ComplaintRecord, channel: string): LedgerLine {
  return {
    complaintId: record.id,
    filedAt: record.filedAt,
    channel,
    channelLabel: INTAKE_CHANNELS[channel as IntakeChannel] ?? channel,
    consumerName: maskName(record.consumerName ?? ''),
    consumerPhone: record.phone ? maskPhone(record.phone) : '',
    merchantName: record.merchantName,
    categoryLabel: COMPLAINT_CATEGORIES[record.category as keyof typeof COMPLAINT_CATEGORIES] ?? record.category,
    status: record.status,
    statusLabel: STATUS_LABELS[record.status],
    claimed: !isUnclaimed(record),
    rated: record.rating !== undefined,
  };
}

/** The whole ledger as CSV (formula-safe; names and phones masked), a page of 100 at a time. */
export async function stationLedgerCsv(principal: Principal, now: Date): Promise<string> {
  await requireStationStaff(principal);
  await hitRateLimit('fileExport', principal.userId, now);
  const rows: Array<Array<string>> = [['受理时间', '受理方式', '消费者', '联系电话', '被投诉店铺', '投诉类别', '当前状态', '消费者已认领', '已评价', '投诉编号']];
  let cursor: string | undefined;
  do {
    const page = await stationLedger(principal, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const line of page.items) {
      rows.push([line.filedAt, line.channelLabel, line.consumerName, line.consumerPhone, line.merchantName, line.categoryLabel, line.statusLabel, line.claimed ? '是' : '否', line.rated ? '是' : '否', line.complaintId]);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return toCsv(rows);
}
