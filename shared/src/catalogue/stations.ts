import { codeTable } from './code-table';
/**
 * Complaint stations (消费维权服务站 / 投诉站): where a consumer who will not file on a phone walks in or
 * calls. The plan counts each station's intake (全县各类投诉站受理消费者投诉处理率).
 */
export const STATION_PLACE_TYPES = codeTable({
  market: '集贸市场',
  mall: '商场超市',
  scenic: '旅游景区',
  town_hall: '乡镇（街道）便民服务中心',
} as const);
export type StationPlaceType = keyof typeof STATION_PLACE_TYPES;
export const STATION_PLACE_TYPE_CODES = Object.keys(STATION_PLACE_TYPES) as [StationPlaceType, ...StationPlaceType[]];

/** How a complaint came in: the consumer in the mini-program, or a station on their behalf. */
export const INTAKE_CHANNELS = codeTable({
  mini_program: '小程序',
  walk_in: '现场受理',
  phone: '电话受理',
} as const);
export type IntakeChannel = keyof typeof INTAKE_CHANNELS;
export const INTAKE_CHANNEL_CODES = Object.keys(INTAKE_CHANNELS) as [IntakeChannel, ...IntakeChannel[]];
/** The channels a station files through. */
export const STATION_CHANNEL_CODES = ['walk_in', 'phone'] as const satisfies readonly IntakeChannel[];

/** How long a claim code given to a walk-in or phone consumer stays valid. */
export const CLAIM_CODE_VALID_DAYS = 30;

/** Default days after closing before an unrated case gets a 回访 (follow-up call); configurable. */
export const DEFAULT_FOLLOW_UP_AFTER_DAYS = 7;
