// authConfig() reads these on first use, so they are set before anything asks.
process.env.JWT_SECRET = 'unit-test-signing-key-0123456789-abcdef';
process.env.TABLE_NAME ??= 'unit';
process.env.AWS_REGION ??= 'cn-north-1';

import { Invalid } from '@fangxin/shared';
import { cursorContext, openCursor, scopedCursor, sealCursor } from '../../src/auth/sealed-cursor';
import { encodeCursor } from '../../src/store/cursor';

// A next key as DynamoDB would give it on the registry's status index: it names another town's shop.
const nextKey = encodeCursor({ pk: 'MERCHANT#QHBAILU001', sk: 'PROFILE', gsi1pk: 'STATUS#pending', gsi1sk: 'bailu#QHBAILU001' })!;
const registry = cursorContext('registry', 'u-regulator-chengguan', { status: 'pending' });

const refusal = (open: () => unknown) => {
  try {
    open();
  } catch (error) {
    return error;
  }
  throw new Error('opened');
};

describe('sealed cursors of the lists filtered to a jurisdiction', () => {
  it('come back as they went in, for the same list, person and filters', () => {
    const sealed = sealCursor(nextKey, registry)!;
    expect(openCursor(sealed, registry)).toBe(nextKey);
  });

  it('show nothing of the key inside: neither as text nor as the base64 DynamoDB’s key would be', () => {
    const sealed = sealCursor(nextKey, registry)!;
    expect(sealed).not.toContain(nextKey.slice(0, 12));
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toMatch(/QHBAILU|bailu|MERCHANT/);
    // Two seals of one key differ (a fresh IV each time), so equal cursors cannot be spotted either.
    expect(sealCursor(nextKey, registry)).not.toBe(sealed);
  });

  it.each([
    ['another person', cursorContext('registry', 'u-regulator-longquan', { status: 'pending' })],
    ['other filters', cursorContext('registry', 'u-regulator-chengguan', { status: 'active' })],
    ['another list', cursorContext('credit-list', 'u-regulator-chengguan')],
  ])('are refused for %s: 400 naming cursor', (_, context) => {
    const error = refusal(() => openCursor(sealCursor(nextKey, registry), context));
    expect(error).toBeInstanceOf(Invalid);
    expect(error).toMatchObject({ field: 'cursor', message: '分页参数无效，请从第一页重新加载' });
  });

  it.each([
    ['a raw DynamoDB key, as the other lists’ cursors are', nextKey],
    ['one byte changed', (() => {
      const bytes = Buffer.from(sealCursor(nextKey, registry)!, 'base64url');
      bytes[bytes.length - 1] ^= 1;
      return bytes.toString('base64url');
    })()],
    ['too short to hold anything', 'abc'],
    ['empty after decoding', '____'],
  ])('refuse %s with the same 400', (_, cursor) => {
    expect(refusal(() => openCursor(cursor, registry))).toMatchObject({ field: 'cursor' });
  });

  it('filters left undefined do not change the binding, and their order does not matter', () => {
    expect(cursorContext('triage', 'u', { view: 'pending', town: undefined, sector: 'retail' })).toBe(cursorContext('triage', 'u', { sector: 'retail', view: 'pending' }));
  });

  it('scopedCursor: no cursor in, first page; none out on the last page', () => {
    const pager = scopedCursor('registry', 'u-regulator-chengguan', { status: 'pending' });
    expect(pager.incoming(undefined)).toBeUndefined();
    expect(pager.outgoing(undefined)).toEqual({});
    const { nextCursor } = pager.outgoing(nextKey);
    expect(pager.incoming(nextCursor)).toBe(nextKey);
  });
});
