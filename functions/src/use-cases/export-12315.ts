import { COMPLAINT_CATEGORIES, OUTCOMES, SECTORS, TOWNS, formatShanghaiTime, toCsv } from '@fangxin/shared';
import type { Principal } from '../auth/token';
import { findMerchant } from '../store/merchants';
import { complaintNotFound } from './complaint-access';
import { triageQueue } from './read-complaints';
import { loadComplaint, type ComplaintRecord } from '../store/complaints';
import { recordExport } from '../store/audit';
import { hitRateLimit } from '../store/rate-limits';

/** The columns the 12315 platform's entry form asks for, in its order. */
const HEADER = [
  '本平台投诉编号',
  '受理时间',
  '投诉人联系电话',
  '被投诉人名称',
  '被投诉人统一社会信用代码',
  '被投诉人地址',
  '所在乡镇（街道）',
  '行业',
  '投诉类别',
  '购买日期',
  '涉及金额（元）',
  '投诉诉求',
  '问题描述',
];

const label = (labels: Readonly<Record<string, string>>, code: string) => labels[code] ?? code;

/**
 * The cases in the caller's jurisdiction that the bureau has accepted and that still lack a 12315 number,
 * one row each, so staff can register them on the platform and then record the number. Staff see the full
 * phone and description (they need them for the entry); every cell is safe against formula injection. The
 * export is audited.
 */
export async function export12315Csv(principal: Principal, now: Date): Promise<string> {
  if (!principal.roles.staff) throw complaintNotFound();
  await hitRateLimit('fileExport', principal.userId, now);
  const rows: Array<Array<string | number>> = [HEADER];
  const shops = new Map<string, Awaited<ReturnType<typeof findMerchant>>>();
  let cursor: string | undefined;
  do {
    const page = await triageQueue(principal, { view: 'missing12315' }, cursor, 50, now);
    for (const summary of page.items) {
      const loaded = await loadComplaint(summary.id);
      if (!loaded || loaded.record.case12315) continue;
      const record: ComplaintRecord = loaded.record;
      if (!shops.has(record.merchantId)) shops.set(record.merchantId, await findMerchant(record.merchantId));
      const shop = shops.get(record.merchantId);
      // The mediation clock starts at acceptance: its start is when the bureau accepted the case.
      const acceptedAt = record.deadline?.kind === 'mediation' && record.deadline.startedAt ? record.deadline.startedAt : undefined;
      rows.push([
        record.id,
        acceptedAt ? formatShanghaiTime(acceptedAt) : '',
        record.phone ?? '',
        record.merchantName,
        shop?.uscc ?? '',
        shop?.address ?? '',
        label(TOWNS, record.townCode),
        label(SECTORS, record.sector),
        label(COMPLAINT_CATEGORIES, record.category),
        record.purchaseDate,
        record.amount ?? '',
        label(OUTCOMES, record.wantedOutcome),
        record.description,
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor);
  // Every complainant's number and words in one file: who took it is on record.
  await recordExport({ userId: principal.userId, role: principal.roles.staff.role }, '12315', rows.length - 1, now.toISOString());
  return toCsv(rows);
}
