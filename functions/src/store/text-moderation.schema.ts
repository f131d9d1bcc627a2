import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { MODERATION_STATES, type ModerationState } from '@fangxin/shared';

/**
 * The content-security state of one text, as stored on whatever item holds the text (kept apart from the
 * task entity so the complaint and event entities can carry it without importing the task).
 */
export type { ModerationState };

/**
 * The moderation state kept on the item that holds a text (the complaint for its description, the event
 * for a reply, proposal, reason or comment), so the view and the lists read it with the text itself.
 */
export interface TextModeration {
  state: ModerationState;
  /** WeChat's label (100 normal, 20006 违法犯罪…) when WeChat gave a verdict. */
  label?: number;
  /** When WeChat or a reviewer last gave a verdict; absent while unchecked. */
  checkedAt?: string;
}

/** The schema of `TextModeration`, for the entities that carry one. */
export const textModerationSchema = () =>
  map({
    state: string().enum(...MODERATION_STATES),
    label: number().optional(),
    checkedAt: string().optional(),
  });

/** Why a text waits for a person: WeChat's verdict, or that WeChat could not check it. */
export const HOLD_REASONS = ['risky', 'review', 'uncheckable'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

