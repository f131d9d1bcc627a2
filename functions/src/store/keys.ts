import { prefix } from 'dynamodb-toolbox/transformers/prefix';

/**
 * Every key prefix and fixed partition of the one table, declared once. The entities (`*.entity.ts`,
 * `*.entities.ts`) write keys through these transformers, the named access patterns query through them,
 * and the outbox stream's parser (and the local stream runner) recognise outbox items by them. Nothing
 * else in the code spells a key. This module imports no client or configuration, so scripts can use it.
 *
 * The layout, item by item, is in docs/access-patterns.md.
 */

// — complaints —
/** A complaint's partition: its state (`PROFILE`) and its events. */
export const COMPLAINT_KEY = prefix('COMPLAINT');
/** The written notice of a refusal or of the end of mediation, in the complaint's partition. */
export const PARTY_NOTICE_SORT = 'NOTICE';
/** gsi1: notices not yet known to have reached both parties, by the time allowed for sending them. */
export const NOTICE_UNSENT_PARTITION = 'NOTICE#unsent';
/** An event's sort key in the complaint's partition, and the task key of the event's text. */
export const EVENT_KEY = prefix('EVENT');
/** gsi1: a shop's queue. */
export const MERCHANT_QUEUE_KEY = prefix('MERCHANT_QUEUE');
/** gsi2: a consumer's complaints. */
export const CONSUMER_KEY = prefix('CONSUMER');
/** gsi3: open complaints by where they wait. */
export const TRIAGE_KEY = prefix('TRIAGE');
/** An open complaint's place in its triage partition: its deadline (else its filing), then its id. */
export const TRIAGE_SORT = (dueAtOrFiledAt: string, complaintId: string) => `${dueAtOrFiledAt}#${complaintId}`;
/**
 * gsi3 (sparse): closed complaints still holding a phone number, a name or photos, by when they closed — what
 * the retention job (use-cases/retention.ts) works through once the period has passed. They leave it when done.
 */
export const RETENTION_DUE_PARTITION = 'RETENTION#due';

// — shops —
/** A shop's partition: profile, counters, commitments versions and people. */
export const MERCHANT_KEY = prefix('MERCHANT');
/** The profile's sort key in the shop's partition. */
export const MERCHANT_PROFILE = 'PROFILE';
/** gsi1: shops by registry status. */
export const MERCHANT_STATUS_KEY = prefix('MERCHANT_STATUS');
/** gsi2: the one partition of the 联合惩戒 list (sparse). */
export const CREDIT_FLAGGED_PARTITION = 'CREDIT_FLAGGED';
export const COMMITMENTS_KEY = prefix('COMMITMENTS');
/** A shop's people (owner and clerks) in its partition. */
export const SHOP_MEMBER_KEY = prefix('STAFF');
export const BINDING_KEY = prefix('BINDING');
/** A business's one registration (统一社会信用代码): held by its pending or admitted shop. */
export const USCC_KEY = prefix('USCC');
export const DIRECTORY_KEY = prefix('DIRECTORY');

/** The facets a shop is listed under (the part of the directory key after `DIRECTORY#`). */
export const directoryFacet = {
  all: () => 'all#county',
  sector: (sector: string) => `sector#${sector}`,
  town: (townCode: string) => `town#${townCode}`,
  area: (areaType: string) => `area#${areaType}`,
  /** How complaints came in (小程序 / 现场 / 电话): the channel breakdown. */
  channel: (channel: string) => `channel#${channel}`,
  /** One complaint station's intake (全县各类投诉站受理消费者投诉处理率). */
  station: (stationId: string) => `station#${stationId}`,
};

// — counters —
export const COUNTER_KEY = prefix('COUNTER');
/**
 * Counter scopes (after `COUNTER#`) and periods (their sort keys). The county is a key like the others (its
 * code), so one deployment could serve several counties.
 */
export const counterScope = {
  county: (countyCode: string) => `county#${countyCode}`,
  town: (townCode: string) => `town#${townCode}`,
  sector: (sector: string) => `sector#${sector}`,
  area: (areaType: string) => `area#${areaType}`,
  /** How complaints came in (小程序 / 现场 / 电话): the channel breakdown. */
  channel: (channel: string) => `channel#${channel}`,
  /** One complaint station's intake (全县各类投诉站受理消费者投诉处理率). */
  station: (stationId: string) => `station#${stationId}`,
};
/**
 * gsi2: countable items whose counter contributions are not yet applied (sparse), oldest first — lifecycle
 * events, counted quiz attempts and survey responses (store/counting.ts). The name predates the second kind.
 */
export const EVENTS_UNCOUNTED_PARTITION = 'EVENTS#uncounted';
export const counterPeriod = {
  month: (month: string) => `M#${month}`,
  year: (year: string) => `Y#${year}`,
};
/** A shop's own counters (after `COUNTER#` in its partition): per month, and per commitment per month. */
export const merchantCounterKey = {
  month: counterPeriod.month,
  commitment: (month: string, commitmentKey: string) => `M#${month}#C#${commitmentKey}`,
  /**
   * The shop's recall notices the public sees now (one number, kept by every recall write), so the scan's
   * one Query tells the page whether there is a recall to load. Sorts between the months and `PROFILE`.
   */
  recalls: 'RECALLS',
  /** The month and, for a commitment's counter, its key. */
  parse: (counterKey: string) => {
    const [, month = '', , commitmentKey] = counterKey.split('#');
    return { month, ...(commitmentKey ? { commitmentKey } : {}) };
  },
};

// — notifications, content security —
export const OUTBOX_KEY = prefix('OUTBOX');
/** The outbox's two sparse index partitions: what is due, and what failed for good. */
export const OUTBOX_DUE_PARTITION = OUTBOX_KEY.encode('pending');
export const OUTBOX_ATTENTION_PARTITION = OUTBOX_KEY.encode('attention');
/** Whether a table key is an outbox item's (the stream trigger's filter, see serverless.yml). */
export const isOutboxKey = (pk: string | undefined): pk is string => pk !== undefined && pk.startsWith(OUTBOX_KEY.encode(''));
export const MODERATION_KEY = prefix('MODERATION');
/** The task key (sort key) of a complaint's description; an event's text uses `EVENT_KEY`. */
export const DESCRIPTION_TARGET = 'DESC';
export const eventTarget = (seq: string) => EVENT_KEY.encode(seq);

// — the working-day calendar the county keeps —
/** One partition for the calendar: a county enters one year a year; everything here is a handful of items. */
export const CALENDAR_PARTITION = 'CALENDAR';
/** The year in force (`CURRENT#2027`), every version kept (`HISTORY#2027#000002`), and recount jobs (`RECOMPUTE#2027#000002`). */
export const CALENDAR_CURRENT_KEY = prefix('CURRENT');
export const CALENDAR_HISTORY_KEY = prefix('HISTORY');
export const RECOMPUTE_JOB_KEY = prefix('RECOMPUTE');
export const calendarVersionKey = (year: number, version: number) => `${year}#${String(version).padStart(6, '0')}`;

// — the campaign office —
/** The yearly task lists (创建任务分解): one item per year. */
export const TASKS_PARTITION = 'TASKS';
/** A year's assessment (考核验收): its record (`RECORD`) and one scorecard per shop (`SHOP#<merchantId>`). */
export const ASSESSMENT_KEY = prefix('ASSESSMENT');
export const ASSESSMENT_RECORD = 'RECORD';
export const SCORECARD_KEY = prefix('SHOP');

// — reaching consumers: the awareness quiz and the satisfaction survey —
/** A period's quiz: its record (`RECORD`). */
export const QUIZ_KEY = prefix('QUIZ');
/** A period's survey: its record (`RECORD`) and the tallies (`TALLY#<scope>#<questionId>`). */
export const SURVEY_KEY = prefix('SURVEY');
export const CAMPAIGN_RECORD = 'RECORD';
export const SURVEY_TALLY_KEY = prefix('TALLY');
export const surveyTallyOf = (scope: string, questionId: string) => `${scope}#${questionId}`;
/**
 * One person's counted quiz attempt / survey response of a period, `<period>#<userId>` after the prefix: the
 * key is the one-per-person-per-period rule (a conditional put). Each is its own partition.
 */
export const QUIZ_ATTEMPT_KEY = prefix('QUIZ_ATTEMPT');
export const SURVEY_RESPONSE_KEY = prefix('SURVEY_RESPONSE');
export const personInPeriod = {
  of: (period: string, userId: string) => `${period}#${userId}`,
  parse: (value: string) => {
    const cut = value.indexOf('#');
    return { period: value.slice(0, cut), userId: value.slice(cut + 1) };
  },
};
/** Fixed-window rate-limit counters: `RATE#<limit name>#<subject>` / `<window start, epoch seconds>` (TTL). */
export const RATE_LIMIT_KEY = prefix('RATE');

/**
 * The items the counter stream applies: new items whose keys start so. serverless.yml's filter patterns for
 * `counterStream` list exactly these (a unit test keeps them in step), and the local stream runner uses them.
 */
export const COUNTABLE_KEY_PREFIXES: ReadonlyArray<{ pk: string; sk?: string }> = [
  { pk: COMPLAINT_KEY.encode(''), sk: EVENT_KEY.encode('') },
  { pk: QUIZ_ATTEMPT_KEY.encode('') },
  { pk: SURVEY_RESPONSE_KEY.encode('') },
];

// — people, settings, bookkeeping —
export const USER_KEY = prefix('USER');
export const STAFF_ROSTER_PARTITION = 'STAFF_ROSTER';
export const AUDIT_KEY = prefix('AUDIT');
export const IDEMPOTENCY_KEY = prefix('IDEMPOTENCY');
export const SETTINGS_PARTITION = 'SETTINGS';

// — inspections —
/** An inspection's partition: the record (`RECORD`) and its rectification orders (`RECTIFICATION#<item code>`). */
export const INSPECTION_KEY = prefix('INSPECTION');
export const INSPECTION_RECORD = 'RECORD';
/** A rectification order's sort key in its inspection's partition: the failed item's code. */
export const RECTIFICATION_KEY = prefix('RECTIFICATION');
/** gsi1: a shop's inspections, by date. */
export const SHOP_INSPECTIONS_KEY = prefix('SHOP_INSPECTIONS');
/** gsi2: a town's inspections of a year (`TOWN_INSPECTIONS#<townCode>#<yyyy>`), by date. */
export const TOWN_INSPECTIONS_KEY = prefix('TOWN_INSPECTIONS');
export const townInspectionsOf = (townCode: string, year: number | string) => `${townCode}#${year}`;
/** gsi3: the one partition of open rectification orders (sparse: closed ones leave it), by deadline. */
export const RECTIFICATIONS_OPEN_PARTITION = RECTIFICATION_KEY.encode('open');
/** gsi1: a shop's rectification orders: open by deadline (`0#…`), then closed (`1#…`). */
export const SHOP_RECTIFICATIONS_KEY = prefix('SHOP_RECTIFICATIONS');
/** A rectification order's id on the wire: its inspection and its item, `<inspectionId>-<itemCode>`. */
export const rectificationId = {
  of: (inspectionId: string, itemCode: string) => `${inspectionId}-${itemCode}`,
  parse: (id: string) => {
    const cut = id.lastIndexOf('-');
    return { inspectionId: id.slice(0, cut), itemCode: id.slice(cut + 1) };
  },
};

// — complaint stations (投诉站) and 回访 —
/** A station's partition: its staff (`STAFF#<userId>`) and its ledger (`LEDGER#<filedAt>#<complaintId>`). */
export const STATION_KEY = prefix('STATION');
/** Every station's profile, in one partition (a county has tens): sk = the station id. */
export const STATIONS_PARTITION = 'STATIONS';
export const STATION_STAFF_KEY = prefix('STAFF');
export const LEDGER_KEY = prefix('LEDGER');
/** A one-time code that makes its redeemer a station's staff member (TTL). */
export const STATION_CODE_KEY = prefix('STATION_CODE');
/** A consumer's claim code, by its hash (the code itself is never stored; TTL). */
export const CLAIM_CODE_KEY = prefix('CLAIM_CODE');
/** The 回访 due on a closed, unrated complaint: in the complaint's partition. */
export const FOLLOW_UP_SORT = 'FOLLOWUP';
/** gsi1: every 回访 due, by due time; gsi2: a station's, by due time. */
export const FOLLOW_UPS_PARTITION = 'FOLLOWUP#due';
export const STATION_FOLLOW_UPS_KEY = prefix('FOLLOWUP#STATION');
// — campaign content and recall notices —
/** An article's item is `CONTENT#<id>` / `ARTICLE`, a banner's `CONTENT#<id>` / `BANNER` (an id of one kind never reads as the other). */
export const CONTENT_KEY = prefix('CONTENT');
export const ARTICLE_RECORD = 'ARTICLE';
export const BANNER_RECORD = 'BANNER';
/** gsi1 (sparse, while published): the public list of articles (by when published) and of banners (by last day). */
export const ARTICLES_PUBLISHED_PARTITION = 'ARTICLES#published';
export const BANNERS_PUBLISHED_PARTITION = 'BANNERS#published';
/** gsi2: every article or banner for staff (`CONTENT_ALL#article`, `CONTENT_ALL#banner`), newest first. */
export const CONTENT_ALL_KEY = prefix('CONTENT_ALL');
/** A recall notice's item: `RECALL#<id>` / `RECORD`. */
export const RECALL_KEY = prefix('RECALL');
export const RECALL_RECORD = 'RECORD';
/** gsi1 (sparse, while shown to the public): the county's recall notices, newest first. */
export const RECALLS_PUBLIC_PARTITION = 'RECALLS#public';
/**
 * gsi2: a shop's recall notices (`SHOP_RECALLS#<merchantId>`, or `SHOP_RECALLS#county` for county-wide ones),
 * sort `P#<publishedAt>#<id>` while public and `X#…` otherwise, so the public section is a `begins_with P#`.
 */
export const SHOP_RECALLS_KEY = prefix('SHOP_RECALLS');
export const COUNTY_WIDE_RECALLS = 'county';
export const recallShopSort = (isPublic: boolean, publishedAt: string, id: string) => `${isPublic ? 'P' : 'X'}#${publishedAt}#${id}`;
/** gsi3: every recall notice for staff (one county-wide partition; the jurisdiction narrows the page), newest first. */
export const RECALLS_ALL_PARTITION = 'RECALLS#all';

// — links into the mini-program —
/** A WeChat URL Link cached for a page and query (`URL_LINK#<page>?<query>` / `LINK`), until a day before it expires (TTL). */
export const URL_LINK_KEY = prefix('URL_LINK');
