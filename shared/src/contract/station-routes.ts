import * as z from 'zod/mini';
import { Session } from './auth';
import { ComplaintView } from './complaint';
import { complaintId, none, route } from './routes';
import {
  ClaimCodeIssued,
  ClaimComplaintRequest,
  FollowUpPage,
  FollowUpQuery,
  LedgerPage,
  LedgerQuery,
  RedeemStationCode,
  RegisterStationRequest,
  ReissueClaimCode,
  StationFileComplaintRequest,
  StationFiled,
  StationId,
  StationInvitation,
  StationList,
  StationView,
} from './station';

// — complaint stations (投诉站) and 回访 —
/** Bureau staff: the stations (town staff: in their towns). */
export const stationsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/stations', access: 'staff', pathParams: none, response: StationList });

/** County admins: register a station (audited). */
export const registerStationRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/stations',
  access: 'staff',
  pathParams: none,
  body: RegisterStationRequest,
  successStatus: 201,
  idempotent: true,
  errors: ['FORBIDDEN', 'CONFLICT'],
  response: StationView,
});

/**
 * Admins and regulators whose jurisdiction covers the station's town: a one-time code for a new station staff
 * member (audited); 20 a day per station.
 */
export const inviteStationStaffRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/staff/stations/{id}/invitations',
  access: 'staff',
  idempotent: true,
  pathParams: /* @__PURE__ */ z.object({ id: StationId }),
  errors: ['NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED'],
  successStatus: 201,
  response: StationInvitation,
});

/** Any signed-in person: join a station with the code the office gave them (answers a fresh session). */
export const redeemStationCodeRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/station/bindings',
  access: 'user',
  pathParams: none,
  body: RedeemStationCode,
  errors: ['RATE_LIMITED', 'CONFLICT'],
  response: Session,
});

/** Station staff: file a complaint for a consumer who walked in or phoned; the answer carries the claim code once. */
export const stationFileComplaintRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/station/complaints',
  access: 'station',
  pathParams: none,
  body: StationFileComplaintRequest,
  successStatus: 201,
  idempotent: true,
  errors: ['NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED'],
  response: StationFiled,
});

/** Station staff: a new claim code for a case they took in and the consumer has not claimed (the old one stops working). */
export const reissueClaimCodeRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/station/complaints/{id}/claim-code',
  access: 'station',
  idempotent: true,
  pathParams: complaintId,
  body: ReissueClaimCode,
  errors: ['NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'RATE_LIMITED'],
  response: ClaimCodeIssued,
});

/** Station staff: the station's ledger (台账), newest first. */
export const stationLedgerRoute = /* @__PURE__ */ route({ method: 'GET', path: '/station/ledger', access: 'station', pathParams: none, query: LedgerQuery, errors: ['FORBIDDEN'], response: LedgerPage });

/** Station staff: the whole ledger as CSV (formula-safe, UTF-8 with BOM; names and phones masked). */
export const stationLedgerCsvRoute = /* @__PURE__ */ route({
  method: 'GET',
  path: '/station/ledger.csv',
  access: 'station',
  pathParams: none,
  errors: ['FORBIDDEN', 'RATE_LIMITED'],
  file: { contentType: 'text/csv; charset=utf-8', filename: 'station-ledger.csv' },
  response: /* @__PURE__ */ z.string(),
});

/** A signed-in consumer: claim a complaint a station filed for them, with the code from the slip or SMS. */
export const claimComplaintRoute = /* @__PURE__ */ route({
  method: 'POST',
  path: '/complaints/claims',
  access: 'user',
  pathParams: none,
  body: ClaimComplaintRequest,
  errors: ['RATE_LIMITED', 'CONFLICT', 'FORBIDDEN'],
  response: ComplaintView,
});

/** Bureau staff: 回访 due in their jurisdiction (closed, unrated, N days on), oldest first. */
export const staffFollowUpsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/staff/follow-ups', access: 'staff', pathParams: none, query: FollowUpQuery, response: FollowUpPage });

/** Station staff: 回访 due for the cases their station took in. */
export const stationFollowUpsRoute = /* @__PURE__ */ route({ method: 'GET', path: '/station/follow-ups', access: 'station', pathParams: none, query: FollowUpQuery, errors: ['FORBIDDEN'], response: FollowUpPage });

/**
 * Complaint stations (投诉站) and 回访, docs/stations.md. Part of the one contract (`allRoutes`), in a module
 * of its own: only the station, admin and consumer subpackages call these, so the pages that import
 * `routes` do not carry their schemas.
 */
export const stationRoutes = {
  stations: stationsRoute,
  registerStation: registerStationRoute,
  inviteStationStaff: inviteStationStaffRoute,
  redeemStationCode: redeemStationCodeRoute,
  stationFileComplaint: stationFileComplaintRoute,
  reissueClaimCode: reissueClaimCodeRoute,
  stationLedger: stationLedgerRoute,
  stationLedgerCsv: stationLedgerCsvRoute,
  claimComplaint: claimComplaintRoute,
  staffFollowUps: staffFollowUpsRoute,
  stationFollowUps: stationFollowUpsRoute,
} as const;
