import { ComplaintView, UploadTicket } from '@fangxin/shared';
import { handler as requestUpload } from '../../src/handlers/uploads/request-upload';
import { handler as fileComplaint } from '../../src/handlers/complaints/file-complaint';
import { handler as getComplaint } from '../../src/handlers/complaints/get-complaint';
import { invoke } from './support/http';
import { complaintBody, newIdempotencyKey, setUpPeople, type Person, type SignedIn } from './support/people';
import { useFreshTable } from './support/table';
import { uploadFolderOf } from '../../src/use-cases/photo-ownership';

useFreshTable();
let people: Record<Person, SignedIn>;
beforeAll(async () => {
  people = await setUpPeople();
});

// A 1×1 PNG.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('complaint photos (presigned upload to the S3-compatible store)', () => {
  it('uploads a photo, attaches it, and shows it to those who may see the complaint', async () => {
    const ticket = await invoke(requestUpload, {
      method: 'POST',
      routePath: '/uploads',
      token: people.consumer.token,
      body: { contentType: 'image/png', size: PHOTO.length },
    });
    expect(ticket.status).toBe(200);
    const { key, uploadUrl, headers } = UploadTicket.parse(ticket.body);
    // The key's folder stands for the uploader without naming them: a shop seeing the key learns no user id.
    expect(key).toMatch(new RegExp(`^uploads/${uploadFolderOf(people.consumer.userId)}/`));
    expect(key).not.toContain(people.consumer.userId);

    const put = await fetch(uploadUrl, { method: 'PUT', headers, body: PHOTO });
    expect(put.status).toBe(200);

    const filed = await invoke(fileComplaint, {
      method: 'POST',
      routePath: '/complaints',
      token: people.consumer.token,
      body: complaintBody({ photos: [key] }),
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
    expect(filed.status).toBe(201);
    const shopView = ComplaintView.parse(
      (await invoke(getComplaint, { method: 'GET', routePath: '/complaints/{id}', pathParameters: { id: filed.body.id }, token: people.ownerA.token })).body,
    );
    expect(shopView.photos).toHaveLength(1);
    const photo = await fetch(shopView.photos[0]!.url);
    expect(Buffer.from(await photo.arrayBuffer()).equals(PHOTO)).toBe(true);
  });

  it.each([
    [{ contentType: 'application/pdf', size: 100 }, 'contentType', '只能上传 JPG 或 PNG'],
    [{ contentType: 'image/jpeg', size: 11 * 1024 * 1024 }, 'size', '不能超过 10MB'],
  ])('refuses %j', async (body, field, message) => {
    const { status, body: error } = await invoke(requestUpload, { method: 'POST', routePath: '/uploads', token: people.consumer.token, body });
    expect(status).toBe(400);
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  it('requires sign-in', async () => {
    expect((await invoke(requestUpload, { method: 'POST', routePath: '/uploads', body: { contentType: 'image/png', size: 1 } })).status).toBe(401);
  });
});
