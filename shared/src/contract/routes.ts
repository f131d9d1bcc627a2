import * as z from 'zod/mini';
import type { ErrorCode } from './errors';
import { DemoLoginRequest, LoginRequest, Session } from './auth';
import {
  CommandRequest,
  ComplaintPage,
  ComplaintView,
  FileComplaintRequest,
  ListQuery,
  ModerationDecision,
  PartyNoticeView,
  UnsentNoticePage,
  ModerationItem,
  ModerationPage,
  ModerationTarget,
  TriageQuery,
  UploadRequest,
  UploadTicket,
  UserId,
} from './complaint';
import { MerchantId, MerchantPublicView } from './merchant';
import { NotificationProblemPage } from './notifications';
import {
  AnswerRectificationRequest,
  ChecklistQuery,
  ChecklistView,
  InspectionId,
  InspectionListQuery,
  InspectionPage,
  InspectionView,
  MerchantRectificationQuery,
  RecheckRectificationRequest,
  RecordInspectionRequest,
  RectificationId,
  RectificationListQuery,
  RectificationPage,
  RectificationView,
} from './inspection';
import { ClockRulesInput, ClockRulesView } from '../domain/clock-rules';
import { CalendarOverview, CalendarYearInput, CalendarYearParam, CalendarYearView } from './calendar';
import { DashboardQuery, DashboardView, TargetsInput, TargetsView, TargetsYearParam } from './dashboard';
import { YearTasksInput, YearTasksView } from './tasks';
import { BulletinParam, BulletinView } from './bulletin';
import { ArticlePage, ArticleView, ContentIdParam, HomeContent, OpenDataQuery, PublicStatisticsView, RecallPage, StatisticsQuery, RecallView } from './content';
import { AssessmentView, AssessmentYearParam, OpenAssessment, OverrideInput, ScorecardPage, ScorecardParams, ScorecardQuery, ScorecardView } from './assessment';
import {
  ApplicationDecision,
  BindingCode,
  CommitmentsUpdate,
  CreditFlag,
  ResolveCreditFlag,
  DirectoryPage,
  DirectoryQuery,
  MerchantApplication,
  MerchantRegistryView,
  RedeemBinding,
  RegistryPage,
  RegistryQuery,
  ShopId,
  ShopPeople,
  ShopQrCode,
  WeChatLink,
  StatusChange,
} from './registry';

/**
 * Who may call a route. Every route states one; the API edge authenticates before the handler runs, and
 * the use case checks the resource on top (whose complaint, which shop, which jurisdiction).
 * - `public`: anyone, no token;  `user`: any signed-in person (every user is a consumer);
 * - `anyone`: no token needed, but a caller who sends one is identified (the quiz: try without signing in,
 *   sign in to count); a token sent must be valid;
 * - `merchant`: a signed-in user bound to at least one shop;  `staff`: bureau staff;
 * - `station`: complaint-station staff (投诉站), bound to one station.
 */
export type Access = 'public' | 'anyone' | 'user' | 'merchant' | 'staff' | 'station';

export interface RouteContract<
  P extends z.ZodMiniType = z.ZodMiniType,
  R extends z.ZodMiniType = z.ZodMiniType,
  B extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Q extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** API Gateway path template, braces around path parameters. */
  path: string;
  access: Access;
  pathParams: P;
  body?: B;
  query?: Q;
  /** The create is replay-safe: the client sends an `Idempotency-Key` header, the same key gives the same answer. */
  idempotent?: boolean;
  /** 201 for creates. */
  successStatus?: 200 | 201;
  response: R;
  /**
   * The errors the use case itself may answer with, beyond those the route's shape implies (see
   * `errorCodesOf`). Integration tests check every error answer against this list.
   */
  errors?: readonly DomainErrorCode[];
  /** A one-line summary for the published API document. */
  summary?: string;
  /** The answer is a file to save (its text is the response), not JSON. */
  file?: { contentType: string; filename: string };
}

/** Errors a use case raises (the rest come from the edge: input, sign-in, role, store). */
export type DomainErrorCode = Extract<ErrorCode, 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'INVALID' | 'RATE_LIMITED' | 'UNAVAILABLE'>;

const hasInput = (schema: z.ZodMiniType | undefined) =>
  schema !== undefined && !(schema instanceof z.ZodMiniObject && Object.keys(schema.shape).length === 0);

/**
 * Every error code a route can answer with: what its shape implies (input to validate → INVALID; a
 * sign-in → UNAUTHENTICATED; a role → FORBIDDEN; every route may meet a busy store or a fault), plus
 * what its use case declares. The published API document lists exactly these per route.
 */
export function errorCodesOf(route: RouteContract): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors ?? []);
  if (hasInput(route.pathParams) || hasInput(route.body) || hasInput(route.query) || route.idempotent) codes.add('INVALID');
  if (route.access !== 'public') codes.add('UNAUTHENTICATED');
  if (route.access === 'merchant' || route.access === 'staff') codes.add('FORBIDDEN');
  if (route.idempotent) codes.add('CONFLICT');
  if (route.body) {
    codes.add('TOO_LARGE');
    codes.add('UNSUPPORTED_MEDIA_TYPE');
  }
  codes.add('UNAVAILABLE');
  codes.add('INTERNAL');
  return [...codes];
}

/** Declares one route, keeping its schemas' types. */
export const route = <P extends z.ZodMiniType, R extends z.ZodMiniType, B extends z.ZodMiniType | undefined = undefined, Q extends z.ZodMiniType | undefined = undefined>(
  contract: RouteContract<P, R, B, Q>,
) => contract;

export const none = z.object({});
/** A complaint's number: 26 Crockford characters (a ULID), any case. */
const ComplaintNumber = z.pipe(
  z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/i, { error: '投诉编号格式不正确' })),
  z.transform((id) => id.toUpperCase()),
);
/** `{id}` of a complaint. */
export const complaintId = z.object({ id: ComplaintNumber });

export const getMerchantRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/merchants/{id}',
  access: 'public',
  pathParams: /* @__PURE__ */ z.object({ id: MerchantId }),
  errors: ['NOT_FOUND'],
  response: MerchantPublicView,
});

/** Anyone: a WeChat URL Link to the shop's page in the mini-program (cached per shop; the H5 page offers it). */
export const shopWeChatLinkRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/merchants/{id}/wechat-link',
  access: 'public',
  pathParams: /* @__PURE__ */ z.object({ id: MerchantId }),
  errors: ['NOT_FOUND', 'UNAVAILABLE'],
  response: WeChatLink,
});

export const loginRoute = /* @__PURE__ */ route({ method: 'POST', path: '/auth/login', access: 'public', pathParams: none, body: LoginRequest, errors: ['RATE_LIMITED'], response: Session });

export const demoLoginRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/auth/demo-login',
  access: 'public',
  pathParams: none,
  body: DemoLoginRequest,
  errors: ['FORBIDDEN'],
  response: Session,
});

export const requestUploadRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/uploads',
  access: 'user',
  pathParams: none,
  body: UploadRequest,
  errors: ['RATE_LIMITED'],
  response: UploadTicket,
});

export const fileComplaintRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/complaints',
  access: 'user',
  pathParams: none,
  body: FileComplaintRequest,
  idempotent: true,
  successStatus: 201,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED'],
  response: ComplaintView,
});

export const myComplaintsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/complaints', access: 'user', pathParams: none, query: ListQuery, response: ComplaintPage });

export const getComplaintRoute = /* @__PURE__ */ route({ method: 'GET', path: '/complaints/{id}', access: 'user', pathParams: complaintId, errors: ['NOT_FOUND'], response: ComplaintView });

export const sendCommandRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/complaints/{id}/commands',
  access: 'user',
  pathParams: complaintId,
  body: CommandRequest,
  errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'RATE_LIMITED'],
  response: ComplaintView,
});

export const merchantQueueRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/merchant/complaints',
  access: 'merchant',
  pathParams: none,
  query: /* @__PURE__ */ z.extend(ListQuery, { merchantId: /* @__PURE__ */ z.optional(MerchantId) }),
  errors: ['NOT_FOUND'],
  response: ComplaintPage,
});

export const triageQueueRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/complaints', access: 'staff', pathParams: none, query: TriageQuery, errors: ['NOT_FOUND', 'FORBIDDEN'], response: ComplaintPage });

/** The written notice of a refusal or of the end of mediation: the complainant, the shop, staff with jurisdiction. */
export const partyNoticeRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/complaints/{id}/notice',
  access: 'user',
  pathParams: complaintId,
  errors: ['NOT_FOUND'],
  response: PartyNoticeView,
});

/** Bureau staff: notices not yet known to have reached both parties, the most urgent first. */
export const unsentNoticesRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/notices/unsent', access: 'staff', pathParams: none, query: ListQuery, response: UnsentNoticePage });

/** Bureau staff: the cases in the jurisdiction still missing their 12315 number, in the columns 12315 entry asks for. */
export const export12315Route = /* @__PURE__ */ route({
  method: 'GET',
  path: '/staff/complaints/12315.csv',
  access: 'staff',
  pathParams: none,
  errors: ['RATE_LIMITED'],
  file: { contentType: 'text/csv; charset=utf-8', filename: 'cases-for-12315.csv' },
  response: /* @__PURE__ */ z.string(),
});

export const getClockRulesRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/settings/clock-rules', access: 'staff', pathParams: none, response: ClockRulesView });

/** Bureau staff: the working-day calendar — whether next year is covered (the admin banner), the years near now. */
export const calendarRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/settings/calendar', access: 'staff', pathParams: none, response: CalendarOverview });

export const calendarYearRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/settings/calendar/{year}', access: 'staff', pathParams: CalendarYearParam, response: CalendarYearView });

/** County admins: enter or correct a year's holidays and 调休 days (versioned, audited; open deadlines are counted again). */
export const putCalendarYearRoute = /* @__PURE__ */ route({
  method: 'PUT',
  path: '/staff/settings/calendar/{year}',
  access: 'staff',
  pathParams: CalendarYearParam,
  body: CalendarYearInput,
  errors: ['CONFLICT'],
  response: CalendarYearView,
});

/** Admins only (checked in the use case): the county's deadlines, from a preset or edited number by number. */
export const putClockRulesRoute = /* @__PURE__ */ route({
  method: 'PUT',
  path: '/staff/settings/clock-rules',
  access: 'staff',
  pathParams: none,
  body: ClockRulesInput,
  errors: ['CONFLICT'],
  response: ClockRulesView,
});

// — merchant registry and public trust —
export const directoryRoute = /* @__PURE__ */ route({ method: 'GET', path: '/merchants', access: 'public', pathParams: none, query: DirectoryQuery, response: DirectoryPage });

export const applyForMerchantRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/merchant-applications',
  access: 'user',
  idempotent: true,
  pathParams: none,
  body: MerchantApplication,
  successStatus: 201,
  errors: ['CONFLICT', 'RATE_LIMITED'],
  response: MerchantRegistryView,
});

export const registryRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/merchants', access: 'staff', pathParams: none, query: RegistryQuery, response: RegistryPage });

export const decideApplicationRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/merchants/{id}/decision',
  access: 'staff',
  pathParams: ShopId,
  body: ApplicationDecision,
  idempotent: true,
  errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'],
  response: /* @__PURE__ */ z.object({ merchant: MerchantRegistryView, binding: /* @__PURE__ */ z.optional(BindingCode) }),
});

export const changeMerchantStatusRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/merchants/{id}/status',
  access: 'staff',
  pathParams: ShopId,
  body: StatusChange,
  errors: ['NOT_FOUND', 'CONFLICT'],
  response: MerchantRegistryView,
});

export const recordViolationRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/merchants/{id}/violations',
  access: 'staff',
  pathParams: ShopId,
  body: CreditFlag,
  idempotent: true,
  errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'],
  response: MerchantRegistryView,
});

/**
 * Regulators (their towns) and county admins: resolve one of a shop's credit flags (信用修复) with a reason,
 * audited. The shop leaves the 联合惩戒 list when none is left unresolved.
 */
export const resolveViolationRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/merchants/{id}/violations/resolutions',
  access: 'staff',
  pathParams: ShopId,
  body: ResolveCreditFlag,
  errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'],
  response: MerchantRegistryView,
});

export const creditListRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/credit-list', access: 'staff', pathParams: none, query: ListQuery, response: RegistryPage });

/** The 联合惩戒 list as a spreadsheet (text/csv). */
export const creditListCsvRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/staff/credit-list.csv',
  access: 'staff',
  pathParams: none,
  errors: ['RATE_LIMITED'],
  file: { contentType: 'text/csv; charset=utf-8', filename: 'credit-list.csv' },
  response: /* @__PURE__ */ z.string(),
});

export const redeemBindingRoute = /* @__PURE__ */ route({ method: 'POST', path: '/merchant/bindings', access: 'user', pathParams: none, body: RedeemBinding, errors: ['CONFLICT', 'RATE_LIMITED'], response: Session });

export const inviteClerkRoute = /* @__PURE__ */ route({ method: 'POST', path: '/merchant/shops/{id}/invitations', access: 'merchant', idempotent: true, pathParams: ShopId, errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'], response: BindingCode });

export const shopPeopleRoute = /* @__PURE__ */ route({ method: 'GET', path: '/merchant/shops/{id}/people', access: 'merchant', pathParams: ShopId, errors: ['NOT_FOUND'], response: ShopPeople });

export const removeClerkRoute = /* @__PURE__ */ route({
  method: 'DELETE',
  path: '/merchant/shops/{id}/people/{userId}',
  access: 'merchant',
  pathParams: /* @__PURE__ */ z.extend(ShopId, { userId: UserId }),
  errors: ['NOT_FOUND'],
  response: ShopPeople,
});

export const updateCommitmentsRoute = /* @__PURE__ */ route({
  method: 'PUT',
  path: '/merchant/shops/{id}/commitments',
  access: 'merchant',
  pathParams: ShopId,
  body: /* @__PURE__ */ z.omit(CommitmentsUpdate, { effectiveFrom: true }),
  errors: ['NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'],
  response: MerchantRegistryView,
});

/** The shop's people and bureau staff: the code for the shop's 放心消费 poster. */
export const shopQrCodeRoute = /* @__PURE__ */ route({ method: 'GET', path: '/merchant/shops/{id}/qrcode', access: 'user', pathParams: ShopId, errors: ['NOT_FOUND'], response: ShopQrCode });

export const notificationProblemsRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/staff/notifications/problems',
  access: 'staff',
  pathParams: none,
  query: ListQuery,
  response: NotificationProblemPage,
});

// — content security (user text checked with WeChat msgSecCheck) —
/** Bureau staff: texts held for review (risky, or WeChat could not check them), in their jurisdiction. */
export const moderationQueueRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/moderation', access: 'staff', pathParams: none, query: ListQuery, errors: ['NOT_FOUND'], response: ModerationPage });

/** Bureau staff: release a held text to the other party, or block it. Once only: a second decision is 409. */
export const decideModerationRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/moderation/{complaintId}/{target}',
  access: 'staff',
  pathParams: /* @__PURE__ */ z.object({ complaintId: ComplaintNumber, target: ModerationTarget }),
  body: ModerationDecision,
  errors: ['NOT_FOUND', 'CONFLICT'],
  response: ModerationItem,
});

// — the campaign office: indicators, targets, yearly tasks, bulletins —
/** Bureau staff: indicators against targets for a year and a scope (town staff: their towns), from counters. */
export const dashboardRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/dashboard', access: 'staff', pathParams: none, query: DashboardQuery, response: DashboardView });

export const targetsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/settings/targets/{year}', access: 'staff', pathParams: TargetsYearParam, response: TargetsView });

/** County admins: a year's targets for the four indicators (audited). */
export const putTargetsRoute = /* @__PURE__ */ route({
  method: 'PUT',
  path: '/staff/settings/targets/{year}',
  access: 'staff',
  pathParams: TargetsYearParam,
  body: TargetsInput,
  errors: ['CONFLICT'],
  response: TargetsView,
});

/** Bureau staff: the year's tasks (创建任务分解) with progress counted from the data; town staff see their towns'. */
export const yearTasksRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/tasks/{year}', access: 'staff', pathParams: TargetsYearParam, response: YearTasksView });

/** County admins: the year's task list (versioned, audited). */
export const putYearTasksRoute = /* @__PURE__ */ route({
  method: 'PUT',
  path: '/staff/tasks/{year}',
  access: 'staff',
  pathParams: TargetsYearParam,
  body: YearTasksInput,
  errors: ['CONFLICT'],
  response: YearTasksView,
});

/** Bureau staff: a year's assessment (考核验收): where it stands, the results, 示范行业 and 示范镇 proposals. */
export const assessmentRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/assessments/{year}', access: 'staff', pathParams: AssessmentYearParam, response: AssessmentView });

/** County admins: open the year's assessment with its standard (once). */
export const openAssessmentRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/assessments/{year}',
  access: 'staff',
  pathParams: AssessmentYearParam,
  body: OpenAssessment,
  errors: ['CONFLICT'],
  successStatus: 201,
  response: AssessmentView,
});

export const scorecardsRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/staff/assessments/{year}/scorecards',
  access: 'staff',
  pathParams: AssessmentYearParam,
  query: ScorecardQuery,
  errors: ['NOT_FOUND'],
  response: ScorecardPage,
});

export const scorecardRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/staff/assessments/{year}/scorecards/{merchantId}',
  access: 'staff',
  pathParams: ScorecardParams,
  errors: ['NOT_FOUND'],
  response: ScorecardView,
});

/** County admins: override one item of a scorecard, with a reason (audited); not after confirmation. */
export const overrideScoreRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/assessments/{year}/scorecards/{merchantId}/overrides',
  access: 'staff',
  pathParams: ScorecardParams,
  body: OverrideInput,
  errors: ['NOT_FOUND', 'CONFLICT'],
  response: ScorecardView,
});

/** County admins: confirm the year — the shops that passed become 放心消费示范 (once). */
export const confirmAssessmentRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/assessments/{year}/confirm',
  access: 'staff',
  pathParams: AssessmentYearParam,
  errors: ['NOT_FOUND', 'CONFLICT'],
  response: AssessmentView,
});

/** Bureau staff: the shops not to be put forward for 文明单位 and similar honours (failed, or on the 联合惩戒 list). */
export const exclusionsCsvRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/staff/assessments/{year}/exclusions.csv',
  access: 'staff',
  pathParams: AssessmentYearParam,
  errors: ['RATE_LIMITED'],
  file: { contentType: 'text/csv; charset=utf-8', filename: 'exclusions.csv' },
  response: /* @__PURE__ */ z.string(),
});

/** County-wide staff: the monthly or annual bulletin (通报), printable and exportable. */
export const bulletinRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/bulletins/{period}', access: 'staff', pathParams: BulletinParam, response: BulletinView });

/** The shop's people: its own live scorecard for this year ("where you stand"). */
export const myScorecardRoute = /* @__PURE__ */ route({ method: 'GET', path: '/merchant/shops/{id}/scorecard', access: 'merchant', pathParams: ShopId, errors: ['NOT_FOUND'], response: ScorecardView });

// — inspections and rectification (明查暗访) —
/** Anyone: the inspection checklist along the five 放心 (the current version, or an older one to read an old inspection). */
export const inspectionChecklistRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/inspection-checklist',
  access: 'public',
  pathParams: none,
  query: ChecklistQuery,
  errors: ['NOT_FOUND'],
  response: ChecklistView,
});

/** Regulators (their towns) and admins: record an inspection of an active or suspended shop, with its rectification orders. */
export const recordInspectionRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/inspections',
  access: 'staff',
  pathParams: none,
  body: RecordInspectionRequest,
  successStatus: 201,
  idempotent: true,
  errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'],
  response: InspectionView,
});

/** Bureau staff (mediators read only): a shop's inspections, or a town's inspections of a year, newest first. */
export const inspectionsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/inspections', access: 'staff', pathParams: none, query: InspectionListQuery, errors: ['NOT_FOUND'], response: InspectionPage });

export const getInspectionRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/inspections/{id}', access: 'staff', pathParams: /* @__PURE__ */ z.object({ id: InspectionId }), errors: ['NOT_FOUND'], response: InspectionView });

/** Bureau staff: open rectification orders by deadline, the overdue ones, or one shop's, in their jurisdiction. */
export const rectificationsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/rectifications', access: 'staff', pathParams: none, query: RectificationListQuery, errors: ['NOT_FOUND'], response: RectificationPage });

export const getRectificationRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/rectifications/{id}', access: 'staff', pathParams: /* @__PURE__ */ z.object({ id: RectificationId }), errors: ['NOT_FOUND'], response: RectificationView });

/** Regulators (their towns) and admins: re-check an answered order — pass (closed) or fail (issued again, new deadline). */
export const recheckRectificationRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/rectifications/{id}/recheck',
  access: 'staff',
  pathParams: /* @__PURE__ */ z.object({ id: RectificationId }),
  body: RecheckRectificationRequest,
  errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'],
  response: RectificationView,
});

/** The shop's people: their shop's rectification orders, open ones first by deadline. */
export const merchantRectificationsRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/merchant/rectifications',
  access: 'merchant',
  pathParams: none,
  query: MerchantRectificationQuery,
  errors: ['NOT_FOUND'],
  response: RectificationPage,
});

export const merchantRectificationRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/merchant/rectifications/{id}',
  access: 'merchant',
  pathParams: /* @__PURE__ */ z.object({ id: RectificationId }),
  errors: ['NOT_FOUND'],
  response: RectificationView,
});

/** The shop's people: answer an order with what was done and photos of the result. */
export const answerRectificationRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/merchant/rectifications/{id}/answer',
  access: 'merchant',
  pathParams: /* @__PURE__ */ z.object({ id: RectificationId }),
  body: AnswerRectificationRequest,
  errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN'],
  response: RectificationView,
});

// — campaign content (维权知识, 3·15 banners), recall notices, public statistics —
/** Anyone: the home page's active banners, latest articles and latest recall notices, in one answer. */
export const homeContentRoute = /* @__PURE__ */ route({ method: 'GET', path: '/content/home', access: 'public', pathParams: none, response: HomeContent });

/** Anyone: published 维权知识 articles, newest first. */
export const articlesRoute = /* @__PURE__ */ route({ method: 'GET', path: '/content/articles', access: 'public', pathParams: none, query: ListQuery, response: ArticlePage });

/** Anyone: one published article (unpublished or unknown: 404). */
export const articleRoute = /* @__PURE__ */ route({ method: 'GET', path: '/content/articles/{id}', access: 'public', pathParams: ContentIdParam, errors: ['NOT_FOUND'], response: ArticleView });

/** Anyone: recall notices across the county, newest first (withdrawn and unreviewed ones never). */
export const recallsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/recalls', access: 'public', pathParams: none, query: ListQuery, response: RecallPage });

export const recallRoute = /* @__PURE__ */ route({ method: 'GET', path: '/recalls/{id}', access: 'public', pathParams: ContentIdParam, errors: ['NOT_FOUND'], response: RecallView });

/** Anyone: a shop's recall notices in force, for its public page. */
export const shopRecallsRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/merchants/{id}/recalls',
  access: 'public',
  pathParams: ShopId,
  query: ListQuery,
  response: RecallPage,
});

/** Anyone: monthly complaint figures of the county, a town or a sector, from the counters; small samples said so. */
export const publicStatisticsRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/statistics',
  access: 'public',
  pathParams: none,
  query: StatisticsQuery,
  response: PublicStatisticsView,
});

/** Anyone: the open-data file — monthly aggregates per town and per sector, no personal data. */
export const openDataCsvRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/statistics/open-data.csv',
  access: 'public',
  pathParams: none,
  query: OpenDataQuery,
  file: { contentType: 'text/csv; charset=utf-8', filename: 'fangxin-open-data.csv' },
  response: /* @__PURE__ */ z.string(),
});

/**
 * The one wire contract: the functions parse with it, the mini-program's client builds requests from it.
 * Each route is also its own constant (`getMerchantRoute`), which is what a handler imports: a bundle then
 * carries the schemas of its one route, not of all of them (esbuild drops the unused constants and the
 * contract modules nothing uses; shared/package.json declares them free of side effects). Routes only
 * subpackage pages call live in their own modules (`campaign-routes.ts`, `station-routes.ts`,
 * `content-routes.ts`); `allRoutes` (all-routes.ts) is the whole contract, which serverless.yml and the API
 * document must match.
 */
export const routes = {
  getMerchant: getMerchantRoute,
  shopWeChatLink: shopWeChatLinkRoute,
  login: loginRoute,
  demoLogin: demoLoginRoute,
  requestUpload: requestUploadRoute,
  fileComplaint: fileComplaintRoute,
  myComplaints: myComplaintsRoute,
  getComplaint: getComplaintRoute,
  sendCommand: sendCommandRoute,
  merchantQueue: merchantQueueRoute,
  triageQueue: triageQueueRoute,
  partyNotice: partyNoticeRoute,
  unsentNotices: unsentNoticesRoute,
  export12315: export12315Route,
  getClockRules: getClockRulesRoute,
  calendar: calendarRoute,
  calendarYear: calendarYearRoute,
  putCalendarYear: putCalendarYearRoute,
  putClockRules: putClockRulesRoute,
  directory: directoryRoute,
  applyForMerchant: applyForMerchantRoute,
  registry: registryRoute,
  decideApplication: decideApplicationRoute,
  changeMerchantStatus: changeMerchantStatusRoute,
  recordViolation: recordViolationRoute,
  resolveViolation: resolveViolationRoute,
  creditList: creditListRoute,
  creditListCsv: creditListCsvRoute,
  redeemBinding: redeemBindingRoute,
  inviteClerk: inviteClerkRoute,
  shopPeople: shopPeopleRoute,
  removeClerk: removeClerkRoute,
  updateCommitments: updateCommitmentsRoute,
  shopQrCode: shopQrCodeRoute,
  notificationProblems: notificationProblemsRoute,
  moderationQueue: moderationQueueRoute,
  decideModeration: decideModerationRoute,
  dashboard: dashboardRoute,
  targets: targetsRoute,
  putTargets: putTargetsRoute,
  yearTasks: yearTasksRoute,
  putYearTasks: putYearTasksRoute,
  assessment: assessmentRoute,
  openAssessment: openAssessmentRoute,
  scorecards: scorecardsRoute,
  scorecard: scorecardRoute,
  overrideScore: overrideScoreRoute,
  confirmAssessment: confirmAssessmentRoute,
  exclusionsCsv: exclusionsCsvRoute,
  bulletin: bulletinRoute,
  myScorecard: myScorecardRoute,
  inspectionChecklist: inspectionChecklistRoute,
  recordInspection: recordInspectionRoute,
  inspections: inspectionsRoute,
  getInspection: getInspectionRoute,
  rectifications: rectificationsRoute,
  getRectification: getRectificationRoute,
  recheckRectification: recheckRectificationRoute,
  merchantRectifications: merchantRectificationsRoute,
  merchantRectification: merchantRectificationRoute,
  answerRectification: answerRectificationRoute,
  homeContent: homeContentRoute,
  articles: articlesRoute,
  article: articleRoute,
  recalls: recallsRoute,
  recall: recallRoute,
  shopRecalls: shopRecallsRoute,
  publicStatistics: publicStatisticsRoute,
  openDataCsv: openDataCsvRoute,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** `/merchants/{id}` + `{ id: 'X' }` → `/merchants/X`; see path.ts. */
export { buildPath } from './path';
