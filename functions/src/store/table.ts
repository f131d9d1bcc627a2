import { Table } from 'dynamodb-toolbox/table';
import { documentClient } from '../clients';
import { config } from '../config';

/**
 * The single table. Key attribute names match `table-schema.json`, which serverless.yml deploys;
 * `functions/test/unit/table-definition.test.ts` pins the two together. The name is read lazily so each test suite can use its own table.
 */
export const FangxinTable = new Table({
  name: () => config().tableName,
  documentClient,
  partitionKey: { name: 'pk', type: 'string' },
  sortKey: { name: 'sk', type: 'string' },
  indexes: {
    gsi1: { type: 'global', partitionKey: { name: 'gsi1pk', type: 'string' }, sortKey: { name: 'gsi1sk', type: 'string' } },
    gsi2: { type: 'global', partitionKey: { name: 'gsi2pk', type: 'string' }, sortKey: { name: 'gsi2sk', type: 'string' } },
    gsi3: { type: 'global', partitionKey: { name: 'gsi3pk', type: 'string' }, sortKey: { name: 'gsi3sk', type: 'string' } },
  },
  entityAttributeSavedAs: '_et',
});
