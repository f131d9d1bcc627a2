import { RectificationId, CHECKLISTS } from '@fangxin/shared';
import { ulid } from 'ulid';
import { RECTIFICATIONS_OPEN_PARTITION, SHOP_INSPECTIONS_KEY, TOWN_INSPECTIONS_KEY, rectificationId, townInspectionsOf } from '../../src/store/keys';

describe('inspection keys, declared once', () => {
  it('a rectification order’s wire id names its inspection and item, and comes back apart', () => {
    const inspectionId = ulid();
    for (const { code } of CHECKLISTS[1]!.items) {
      const id = rectificationId.of(inspectionId, code);
      expect(RectificationId.parse(id.toLowerCase())).toBe(id);
      expect(rectificationId.parse(id)).toEqual({ inspectionId, itemCode: code });
    }
  });

  it('keeps each index partition under its own prefix', () => {
    expect(RECTIFICATIONS_OPEN_PARTITION).toBe('RECTIFICATION#open');
    expect(SHOP_INSPECTIONS_KEY.encode('QHSHOPA001')).toBe('SHOP_INSPECTIONS#QHSHOPA001');
    expect(TOWN_INSPECTIONS_KEY.encode(townInspectionsOf('chengguan', 2026))).toBe('TOWN_INSPECTIONS#chengguan#2026');
  });
});
