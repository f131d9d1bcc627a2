import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { ComplaintView, FileComplaintRequest, UploadTicket, transition } from '@fangxin/shared';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { handler as requestUpload } from '../../src/handlers/uploads/request-upload';
import { dynamoDbClient, s3 } from '../../src/clients';
import { uploadConfig } from '../../src/config';
import { loadComplaint, saveTransition } from '../../src/store/complaints';
import { clocksAt } from '../../src/use-cases/clocks';
import { fileComplaint } from '../../src/use-cases/file-complaint';
import { applyRetention, type RetentionResult } from '../../src/use-cases/retention';
import { sendCommand } from '../../src/use-cases/send-command';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, SHOP_A, SHOP_B, type Person, type SignedIn } from './support/people';
import { countDynamoDbRequests } from './support/request-counter';
import { useFreshTable } from './support/table';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

const DAY = 86_400_000;
// A 1×1 PNG.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A photo uploaded the way the app uploads it (ticket, then a PUT to storage): its key. */
async function uploadPhoto(who: SignedIn): Promise<string> {
  const ticket = await invoke(requestUpload, { method: 'POST', routePath: '/uploads', token: who.token, body: { contentType: 'image/png', size: PHOTO.length } });
  expect(ticket.status).toBe(200);
  const { key, uploadUrl, headers } = UploadTicket.parse(ticket.body);
  expect((await fetch(uploadUrl, { method: 'PUT', headers, body: PHOTO })).status).toBe(200);
  return key;
}

async function stored(key: string): Promise<boolean> {
  try {
    await (await s3()).send(new HeadObjectCommand({ Bucket: uploadConfig().bucket, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

async function file(who: SignedIn, merchantId: string, phone: string, photos: string[], at: Date): Promise<string> {
  const body = FileComplaintRequest.parse(complaintBody({ merchantId, phone, photos, commitmentKey: undefined }));
  return (await fileComplaint(body, who.principal, newIdempotencyKey(), at)).id;
}

/** The JSON lines logged while `work` runs (info included). */
async function loggedDuring<T>(work: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const saved = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info';
  const lines: string[] = [];
  const out = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const err = jest.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  try {
    return { result: await work(), lines };
  } finally {
    out.mockRestore();
    err.mockRestore();
    if (saved === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = saved;
  }
}

describe('retention: closed complaints lose their photos and phone numbers after the period', () => {
  const filedAt = new Date();
  const OLD_PHONE = '13800138000';
  const NEWER_PHONE = '13900139000';
  const OPEN_PHONE = '13700137000';
  let old: { id: string; photos: string[] };
  let newer: { id: string; photos: string[] };
  let open: { id: string; photos: string[] };

  beforeAll(async () => {
    const oldPhotos = [await uploadPhoto(people.consumer), await uploadPhoto(people.consumer)];
    old = { id: await file(people.consumer, SHOP_A.id, OLD_PHONE, oldPhotos, filedAt), photos: oldPhotos };
    await sendCommand(old.id, { version: 1, command: { type: 'withdraw' } }, people.consumer.principal, filedAt);

    const newerPhotos = [await uploadPhoto(people.consumer)];
    newer = { id: await file(people.consumer, SHOP_B.id, NEWER_PHONE, newerPhotos, filedAt), photos: newerPhotos };
    // Closed ten days after the first one.
    await sendCommand(newer.id, { version: 1, command: { type: 'withdraw' } }, people.consumer.principal, new Date(filedAt.getTime() + 10 * DAY));

    const openPhotos = [await uploadPhoto(people.otherConsumer)];
    open = { id: await file(people.otherConsumer, SHOP_A.id, OPEN_PHONE, openPhotos, filedAt), photos: openPhotos };
  });

  // Three years (the default period) and five days after the first closing: only the first one is past it.
  const firstRun = new Date(filedAt.getTime() + (1095 + 5) * DAY);

  it('masks the phone and deletes the photos of a complaint closed longer ago than the period — one Query and one update, no raw phone logged', async () => {
    for (const key of [...old.photos, ...newer.photos, ...open.photos]) expect(await stored(key)).toBe(true);
    const before = (await loadComplaint(old.id))!;

    const requests = countDynamoDbRequests(dynamoDbClient);
    let run: { result: RetentionResult; lines: string[] };
    try {
      run = await loggedDuring(() => applyRetention(firstRun));
      expect(requests.commands).toEqual(['QueryCommand', 'UpdateItemCommand']);
    } finally {
      requests.detach();
    }
    expect(run.result).toEqual({ examined: 1, applied: 1, photosDeleted: 2, skipped: 0 });

    const after = (await loadComplaint(old.id))!;
    expect(after.record).toMatchObject({ phone: '138****8000', photos: [], retentionAppliedAt: firstRun.toISOString(), status: 'withdrawn' });
    // Not a lifecycle step: same version, same timeline; everything else as it was.
    expect(after.record.version).toBe(before.record.version);
    expect(after.events).toEqual(before.events);
    const untouched = (record: object) => {
      const { phone: _phone, photos: _photos, retentionAppliedAt: _at, modified: _modified, ...rest } = record as Record<string, unknown>;
      return rest;
    };
    expect(untouched(after.record)).toEqual(untouched(before.record));
    for (const key of old.photos) expect(await stored(key)).toBe(false);

    // Staff opening the case now see the masked number and no photos.
    const view = ComplaintView.parse(
      (await invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id: old.id }, token: people.adminCounty.token })).body,
    );
    expect(view.phone).toBe('138****8000');
    expect(view.photos).toEqual([]);

    // One line for the complaint done, with no phone number in any line.
    expect(run.lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ message: 'retention.applied', complaintId: old.id, photosDeleted: 2, phoneMasked: true }),
    );
    expect(run.lines.join('\n')).not.toContain(OLD_PHONE);
  });

  it('leaves a complaint closed more recently than the period, and an open one, as they were', async () => {
    for (const { id, photos, phone } of [
      { ...newer, phone: NEWER_PHONE },
      { ...open, phone: OPEN_PHONE },
    ]) {
      const { record } = (await loadComplaint(id))!;
      expect(record).toMatchObject({ phone, photos });
      expect(record.retentionAppliedAt).toBeUndefined();
      for (const key of photos) expect(await stored(key)).toBe(true);
    }
  });

  it('changes nothing more when it runs again', async () => {
    const before = (await loadComplaint(old.id))!;
    expect(await applyRetention(firstRun)).toEqual({ examined: 0, applied: 0, photosDeleted: 0, skipped: 0 });
    expect(await loadComplaint(old.id)).toEqual(before);
    for (const key of [...newer.photos, ...open.photos]) expect(await stored(key)).toBe(true);
  });

  it('takes the more recent one once its own period has passed, and never the open one; a move read before it cannot unmask it', async () => {
    const readBefore = (await loadComplaint(newer.id))!;
    const later = new Date(filedAt.getTime() + (1095 + 15) * DAY);
    expect(await applyRetention(later)).toEqual({ examined: 1, applied: 1, photosDeleted: 1, skipped: 0 });
    // A staff note on the old case that read it before the masking writes the whole complaint back: refused.
    const { rules, calendar } = await clocksAt(later);
    const noted = transition(readBefore.record, { type: 'note', text: '档案复核' }, { kind: 'staff', userId: 'staff-note', role: 'admin', jurisdiction: 'county' }, later, rules, calendar);
    await expect(saveTransition(readBefore.record.version, noted.state, noted.event, { counters: [], notifications: [] })).rejects.toThrow('刚刚被他人更新');
    expect((await loadComplaint(newer.id))!.record).toMatchObject({ phone: '139****9000', photos: [] });
    for (const key of newer.photos) expect(await stored(key)).toBe(false);

    const { record } = (await loadComplaint(open.id))!;
    expect(record).toMatchObject({ phone: OPEN_PHONE, photos: open.photos, status: 'submitted' });
    for (const key of open.photos) expect(await stored(key)).toBe(true);
  });

  it('works through a backlog a bounded batch at a time', async () => {
    // A county's first run after years of complaints: each run takes at most its batch, oldest first.
    const ids: string[] = [];
    for (const who of [people.consumer, people.otherConsumer]) {
      for (const shop of [SHOP_A, SHOP_B]) {
        // Each person may file twice a day against one shop; these are the day's second filings at most.
        const id = await file(who, shop.id, '13600136000', [], new Date(filedAt.getTime() + 20 * DAY));
        await sendCommand(id, { version: 1, command: { type: 'withdraw' } }, who.principal, new Date(filedAt.getTime() + 20 * DAY));
        ids.push(id);
      }
    }
    const muchLater = new Date(filedAt.getTime() + (1095 + 30) * DAY);
    expect(await applyRetention(muchLater, { batch: 3 })).toMatchObject({ examined: 3, applied: 3 });
    expect(await applyRetention(muchLater, { batch: 3 })).toMatchObject({ examined: 1, applied: 1 });
    expect(await applyRetention(muchLater, { batch: 3 })).toMatchObject({ examined: 0, applied: 0 });
    for (const id of ids) expect((await loadComplaint(id))!.record.phone).toBe('136****6000');
  });
});
