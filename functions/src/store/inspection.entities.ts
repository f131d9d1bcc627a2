import { Entity } from 'dynamodb-toolbox/entity';
import { boolean } from 'dynamodb-toolbox/schema/boolean';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { FINDING_RESULTS, INSPECTION_MODES, RECTIFICATION_STATUSES } from '@fangxin/shared';
import {
  INSPECTION_KEY,
  INSPECTION_RECORD,
  RECTIFICATIONS_OPEN_PARTITION,
  RECTIFICATION_KEY,
  SHOP_INSPECTIONS_KEY,
  SHOP_RECTIFICATIONS_KEY,
  TOWN_INSPECTIONS_KEY,
  rectificationId,
  townInspectionsOf,
} from './keys';
import { FangxinTable } from './table';

/**
 * An inspection (明查暗访) as recorded: written once, never changed. Its rectification orders live in the same
 * partition, so the inspection with its orders as they stand is one Query (docs/access-patterns.md).
 *
 *   pk = INSPECTION#<id>   sk = RECORD
 *   gsi1 a shop's inspections:        SHOP_INSPECTIONS#<merchantId>           /  <inspectedOn>#<id>
 *   gsi2 a town's inspections a year: TOWN_INSPECTIONS#<townCode>#<yyyy>      /  <inspectedOn>#<id>
 */
export const InspectionEntity = new Entity({
  name: 'Inspection',
  table: FangxinTable,
  schema: item({
    inspectionId: string().key().savedAs('pk').transform(INSPECTION_KEY),
    record: string().key().savedAs('sk').const(INSPECTION_RECORD),
    merchantId: string(),
    merchantName: string(),
    townCode: string(),
    mode: string().enum(...INSPECTION_MODES),
    inspectedOn: string(),
    checklistVersion: number(),
    inspectorId: string(),
    inspectorRole: string(),
    findings: list(map({ code: string(), result: string().enum(...FINDING_RESULTS), note: string().optional(), photos: list(string()) })),
    /** The items an order was issued for (the orders themselves are their own items). */
    rectificationCodes: list(string()),
    remarks: string().optional(),
    recordedAt: string(),
  }).and((schema) => ({
    shopKey: string()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ merchantId }) => SHOP_INSPECTIONS_KEY.encode(merchantId)),
    shopSort: string()
      .savedAs('gsi1sk')
      .link<typeof schema>(({ inspectedOn, inspectionId }) => `${inspectedOn}#${inspectionId}`),
    townKey: string()
      .savedAs('gsi2pk')
      .link<typeof schema>(({ townCode, inspectedOn }) => TOWN_INSPECTIONS_KEY.encode(townInspectionsOf(townCode, inspectedOn.slice(0, 4)))),
    townSort: string()
      .savedAs('gsi2sk')
      .link<typeof schema>(({ inspectedOn, inspectionId }) => `${inspectedOn}#${inspectionId}`),
  })),
});

const photos = () => list(string());

/** An order's place in its shop's list (gsi1sk): open ones by deadline, then closed ones by when. */
export const shopRectificationSortOf = ({ status, deadline, closedAt, inspectionId, itemCode }: {
  status: string;
  deadline: string;
  closedAt?: string | undefined;
  inspectionId: string;
  itemCode: string;
}) => (status === 'closed' ? `1#${closedAt ?? deadline}#${rectificationId.of(inspectionId, itemCode)}` : `0#${deadline}#${rectificationId.of(inspectionId, itemCode)}`);

/**
 * A rectification order (整改通知) for one failed item of one inspection: rewritten whole by every move under a
 * version condition (the shop's answer, staff's re-check). Copies what its views and lists need from the
 * inspection, so reading an order is one GetItem.
 *
 *   pk = INSPECTION#<inspectionId>   sk = RECTIFICATION#<itemCode>        (id on the wire: <inspectionId>-<itemCode>)
 *   gsi3 open orders (sparse, until closed): RECTIFICATION#open              /  <deadline>#<id>
 *   gsi1 a shop's orders:                    SHOP_RECTIFICATIONS#<merchantId> /  <0 open>#<deadline>#<id> | <1 closed>#<closedAt>#<id>
 */
export const RectificationEntity = new Entity({
  name: 'Rectification',
  table: FangxinTable,
  schema: item({
    inspectionId: string().key().savedAs('pk').transform(INSPECTION_KEY),
    itemCode: string().key().savedAs('sk').transform(RECTIFICATION_KEY),
    merchantId: string(),
    merchantName: string(),
    townCode: string(),
    mode: string().enum(...INSPECTION_MODES),
    inspectedOn: string(),
    checklistVersion: number(),
    /** What the inspector found on the item. */
    finding: map({ note: string().optional(), photos: photos() }),
    status: string().enum(...RECTIFICATION_STATUSES),
    version: number(),
    /** The deadline of the round in force, for the indexes. */
    deadline: string(),
    rounds: list(
      map({
        round: number(),
        issuedAt: string(),
        issuedBy: string(),
        requirements: string(),
        deadline: string(),
        answer: map({ text: string(), photos: photos(), at: string(), by: string() }).optional(),
        recheck: map({ result: string().enum('pass', 'fail'), note: string().optional(), photos: photos(), at: string(), by: string() }).optional(),
      }),
    ),
    closedAt: string().optional(),
    closedInTime: boolean().optional(),
  }).and((schema) => ({
    openKey: string()
      .optional()
      .savedAs('gsi3pk')
      .link<typeof schema>(({ status }) => (status === 'closed' ? undefined : RECTIFICATIONS_OPEN_PARTITION)),
    openSort: string()
      .optional()
      .savedAs('gsi3sk')
      .link<typeof schema>(({ status, deadline, inspectionId, itemCode }) =>
        status === 'closed' ? undefined : `${deadline}#${rectificationId.of(inspectionId, itemCode)}`,
      ),
    shopKey: string()
      .savedAs('gsi1pk')
      .link<typeof schema>(({ merchantId }) => SHOP_RECTIFICATIONS_KEY.encode(merchantId)),
    shopSort: string()
      .savedAs('gsi1sk')
      .link<typeof schema>(shopRectificationSortOf),
  })),
});
