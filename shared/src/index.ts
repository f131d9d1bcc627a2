export * from './catalogue/sectors';
export * from './catalogue/text-check-labels';
export * from './catalogue/subscribe-template';
export * from './catalogue/commitments';
export * from './contract/errors';
export * from './contract/merchant';
export * from './contract/routes';
export * from './domain/merchant';
export * from './domain/errors';
export * from './catalogue/complaints';
export * from './domain/clock';
export { addDays, formatShanghaiTime } from './domain/shanghai-date';
export * from './domain/lifecycle';
export * from './domain/indicators';
export * from './domain/notifications';
export * from './domain/delivery';
export * from './domain/phone';
export * from './contract/auth';
export * from './contract/complaint';
export * from './contract/text';
export * from './domain/track-record';
export * from './catalogue/county';
export * from './catalogue/privacy';
export * from './domain/uscc';
export * from './contract/registry';
export * from './contract/notifications';
export * from './domain/csv';
export * from './domain/jurisdiction';
export * from './domain/calendar';
export * from './contract/calendar';
export * from './domain/party-notice';
export * from './contract/dashboard';
export * from './catalogue/inspection-checklist';
export * from './domain/inspection';
export * from './contract/inspection';
export * from './catalogue/departments';
export * from './domain/tasks';
export * from './contract/tasks';
export * from './domain/assessment';
export * from './contract/assessment';
export * from './contract/bulletin';
export * from './catalogue/stations';
export * from './contract/station';
export * from './contract/station-routes';
export * from './contract/content-routes';
export * from './catalogue/quiz-bank';
export * from './catalogue/survey-bank';
export * from './domain/quiz';
export * from './contract/quiz';
export * from './contract/campaign-routes';
export * from './contract/all-routes';
export {
  PUBLIC_SMALL_SAMPLE,
  RECALL_KINDS,
  RECALL_KIND_CODES,
  OPEN_DATA_HEADER,
  bannerActive,
  monthsOfYearUpTo,
  openDataCsv,
  publicFiguresOf,
  publicRateText,
  publicScopeLabel,
  recallPublic,
  type OpenDataRow,
  type PublicFigures,
  type PublicRate,
  type PublicScopeKind,
  type RecallKind,
} from './domain/public-info';
export * from './contract/content';
