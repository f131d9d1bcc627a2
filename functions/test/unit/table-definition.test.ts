import { readFileSync } from 'node:fs';
import path from 'node:path';
import tableSchema from '../../src/store/table-schema.json';

process.env.TABLE_NAME = 'unit';
process.env.AWS_REGION = 'cn-north-1';

describe('one table definition', () => {
  it('gives the toolbox table the key names of table-schema.json', async () => {
    const { FangxinTable } = await import('../../src/store/table');
    const keyName = (keys: Array<{ AttributeName: string; KeyType: string }>, type: string) =>
      keys.find((key) => key.KeyType === type)?.AttributeName;

    expect(FangxinTable.partitionKey.name).toBe(keyName(tableSchema.KeySchema, 'HASH'));
    expect(FangxinTable.sortKey?.name).toBe(keyName(tableSchema.KeySchema, 'RANGE'));
    for (const index of tableSchema.GlobalSecondaryIndexes) {
      const toolboxIndex = FangxinTable.indexes[index.IndexName as 'gsi1' | 'gsi2' | 'gsi3'];
      expect(toolboxIndex.partitionKey.name).toBe(keyName(index.KeySchema, 'HASH'));
      expect(toolboxIndex.sortKey?.name).toBe(keyName(index.KeySchema, 'RANGE'));
    }
    expect(Object.keys(FangxinTable.indexes).sort()).toEqual(tableSchema.GlobalSecondaryIndexes.map((i) => i.IndexName).sort());
  });

  it('is what serverless.yml deploys (referenced, not copied)', () => {
    const yml = readFileSync(path.join(__dirname, '../../../serverless.yml'), 'utf8');
    for (const property of ['AttributeDefinitions', 'KeySchema', 'GlobalSecondaryIndexes', 'BillingMode', 'StreamSpecification']) {
      expect(yml).toContain(`${property}: \${file(./functions/src/store/table-schema.json):${property}}`);
    }
    expect(yml).not.toMatch(/AttributeName: (pk|sk|gsi1pk)/);
  });
});
