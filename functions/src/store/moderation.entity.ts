import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { MODERATION_STATES } from '@fangxin/shared';

import { HOLD_REASONS } from './text-moderation.schema';

export type { HoldReason, ModerationState, TextModeration } from './text-moderation.schema';
import { FangxinTable } from './table';
import { MODERATION_KEY } from './keys';


/**
 * The work item for one text that was not clean when written: the recheck job's list (unchecked, due
 * first) and the reviewers' queue (held, oldest first). Written in the same transaction as the text, then
 * moved on by the recheck job and by staff decisions, each conditioned on the state (and attempt count)
 * it read, so two runs or two reviewers never both act on it. It stays after a decision, out of both
 * indexes, as the record of what happened.
 *
 *   pk = MODERATION#<complaintId>   sk = DESC | EVENT#<seq>
 *   gsi1 (sparse, unchecked only): MODERATION#unchecked  /  <nextCheckAt>#<complaintId>#<sk>  — due first
 *   gsi1 (sparse, held only):      MODERATION#held       /  <heldAt>#<complaintId>#<sk>       — oldest first
 *
 * A copy of the text travels with the task so the reviewers' queue is one Query, not one per complaint.
 */
export const ModerationTaskEntity = new Entity({
  name: 'ModerationTask',
  table: FangxinTable,
  schema: item({
    complaintId: string().key().savedAs('pk').transform(MODERATION_KEY),
    /** `DESC` or `EVENT#<seq>`. */
    target: string().key().savedAs('sk'),
    state: string().enum(...MODERATION_STATES),
    townCode: string(),
    merchantId: string(),
    merchantName: string(),
    authorKind: string().enum('consumer', 'merchant'),
    authorUserId: string(),
    /** The event type whose text this is (`file` for the description). */
    textType: string(),
    text: string(),
    writtenAt: string(),
    /** Failed rechecks so far. */
    attempts: number(),
    nextCheckAt: string().optional(),
    /** Why the last check failed (WeChat's code or our reason, never a secret). */
    lastError: string().optional(),
    label: number().optional(),
    reason: string().enum(...HOLD_REASONS).optional(),
    heldAt: string().optional(),
    checkedAt: string().optional(),
    decidedBy: string().optional(),
    decidedAt: string().optional(),
  }).and((schema) => ({
    queueKey: string()
      .optional()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ state }) => (state === 'unchecked' || state === 'held' ? MODERATION_KEY.encode(state) : undefined)),
    queueSort: string()
      .optional()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ state, nextCheckAt, heldAt, writtenAt, complaintId, target }) =>
        state === 'unchecked'
          ? `${nextCheckAt ?? writtenAt}#${complaintId}#${target}`
          : state === 'held'
            ? `${heldAt ?? writtenAt}#${complaintId}#${target}`
            : undefined,
      ),
  })),
});
