import { DescribeTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Merchant } from '@fangxin/shared';
import { findMerchant, saveMerchant } from '../../src/store/merchants';
import { dynamoDbClient } from '../../src/clients';
import { config } from '../../src/config';
import tableSchema from '../../src/store/table-schema.json';
import { useFreshTable } from './support/table';

useFreshTable();

const merchant: Merchant = {
  id: 'QHSTORE001',
  name: '白鹿镇测试农家乐',
  type: 'individual',
  sector: 'catering_lodging',
  townCode: 'bailu',
  townName: '白鹿镇',
  areaType: 'scenic',
  address: '清河县白鹿镇湖滨路2号',
  status: 'active',
  badge: { kind: 'model', year: 2024 },
  commitments: [
    { kind: 'catalogue', code: 'quality' },
    { kind: 'catalogue', code: 'offline_no_reason_return', days: 7 },
    { kind: 'custom', title: '明厨亮灶', text: '后厨全程可视，欢迎监督。' },
  ],
  commitmentsSince: '2024-05-01',
  commitmentsVersion: 1,
  creditFlags: [],
  resolvedCreditFlags: [],
};

describe('merchant store', () => {
  it('creates the table exactly as table-schema.json (what serverless.yml deploys) describes it', async () => {
    const { Table } = await dynamoDbClient.send(new DescribeTableCommand({ TableName: config().tableName }));
    expect(Table?.KeySchema).toEqual(tableSchema.KeySchema);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.KeySchema])).toEqual(
      tableSchema.GlobalSecondaryIndexes.map((index) => [index.IndexName, index.KeySchema]),
    );
    expect(Table?.StreamSpecification?.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
  });

  it('round-trips a merchant with catalogue and custom commitments', async () => {
    await saveMerchant(merchant);
    expect(await findMerchant('QHSTORE001')).toEqual(merchant);
  });

  it('stores keys by the documented access patterns (merchant-by-id, merchants-by-status)', async () => {
    await saveMerchant(merchant);
    const { Item } = await dynamoDbClient.send(
      new GetItemCommand({ TableName: config().tableName, Key: { pk: { S: 'MERCHANT#QHSTORE001' }, sk: { S: 'PROFILE' } } }),
    );
    const raw = unmarshall(Item ?? {});
    expect(raw).toMatchObject({
      pk: 'MERCHANT#QHSTORE001',
      sk: 'PROFILE',
      gsi1pk: 'MERCHANT_STATUS#active',
      gsi1sk: 'bailu#QHSTORE001',
      _et: 'Merchant',
    });
  });

  it('answers undefined for an unknown merchant', async () => {
    expect(await findMerchant('QHNOTHERE1')).toBeUndefined();
  });
});
