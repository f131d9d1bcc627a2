import { Entity } from 'dynamodb-toolbox/entity';
import { any } from 'dynamodb-toolbox/schema/any';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { ASSESSMENT_KEY, ASSESSMENT_RECORD, SCORECARD_KEY } from './keys';
import { FangxinTable } from './table';

/**
 * A year's assessment: its standard and where it stands — computing the scorecards (`pending` lists the
 * shops still to compute), open for review, or confirmed (`awardsPending` lists the shops still to be given
 * their 示范 badge). Every move is conditioned on the version read.
 *   pk = ASSESSMENT#<year>   sk = RECORD
 */
export const AssessmentEntity = new Entity({
  name: 'Assessment',
  table: FangxinTable,
  schema: item({
    year: string().key().savedAs('pk').transform(ASSESSMENT_KEY),
    record: string().key().savedAs('sk').const(ASSESSMENT_RECORD),
    state: string().enum('computing', 'open', 'confirmed'),
    standard: any(),
    shops: number(),
    pending: list(string()),
    awardsPending: list(string()),
    openedAt: string(),
    openedBy: string(),
    confirmedAt: string().optional(),
    confirmedBy: string().optional(),
    version: number(),
  }),
});

/**
 * One shop's scorecard for the year: the inputs it was computed from (kept, so it can be computed again and
 * give the same), the staff overrides, and the result for listing.
 *   pk = ASSESSMENT#<year>   sk = SHOP#<merchantId>
 */
export const ScorecardEntity = new Entity({
  name: 'Scorecard',
  table: FangxinTable,
  schema: item({
    year: string().key().savedAs('pk').transform(ASSESSMENT_KEY),
    merchantId: string().key().savedAs('sk').transform(SCORECARD_KEY),
    name: string(),
    townCode: string(),
    sector: string(),
    inputs: any(),
    overrides: any(),
    total: number(),
    passed: boolean(),
    verdict: string(),
    bottomLines: number(),
    computedAt: string(),
    version: number(),
  }),
});
