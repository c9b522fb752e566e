import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signMediaUrl } from '../../../src/uploads/signedMediaUrl';
import { signTwilioRequest, TWILIO_TEST_CONFIG } from '../../fixtures/twilio';
import { HTML, PDF, PNG } from '../../fixtures/uploads/files';
import { FakeTwilioApi } from '../../support/fakePlatforms';
import type { TestBaton } from '../../support/testBaton';
import { createAgent, startBaton, waitUntil, type AgentClient } from '../handoff/handoffHarness';

/**
 * An agent uploads a file into a WhatsApp conversation and sends it: Twilio gets a MediaUrl on
 * PUBLIC_URL that serves the same bytes while its signature and time hold; bad files are refused
 * over HTTP with their codes; a failed send can be retried by an agent of the conversation's team.
 */

jest.setTimeout(60_000);

let twilio: FakeTwilioApi;
let baton: TestBaton;
let admin: AgentClient;
let folder: string;

const TEMPLATES = { order_update: { contentSid: `HX${'a'.repeat(32)}`, language: 'en', variables: ['1', '2'], description: 'Order update' } };

beforeAll(async () => {
  twilio = await new FakeTwilioApi(TWILIO_TEST_CONFIG.accountSid).start();
  folder = mkdtempSync(path.join(tmpdir(), 'baton-uploads-it-'));
  ({ baton, admin } = await startBaton({
    env: {
      TWILIO_API_URL: twilio.url,
      UPLOADS_DIR: path.join(folder, 'uploads'),
      UPLOADS_MAX_BYTES: '4096',
      MEDIA_URL_SECRET: 'media-secret-for-the-upload-tests',
      WHATSAPP_TEMPLATES: JSON.stringify(TEMPLATES),
    },
  }));
});
afterAll(async () => {
  await baton.close();
  await twilio.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function claimedWhatsApp(agent: AgentClient = admin): Promise<{ id: string; address: string }> {
  const address = `whatsapp:+9197${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
  const params = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: TWILIO_TEST_CONFIG.accountSid,
    From: address,
    To: TWILIO_TEST_CONFIG.whatsappNumber,
    Body: 'I want to talk to a human agent please',
    NumMedia: '0',
    ProfileName: 'Upload Test',
    WaId: address.replace('whatsapp:+', ''),
  };
  const url = `${baton.url}/webhooks/twilio`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilioRequest(TWILIO_TEST_CONFIG.authToken, url, params) },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  const conv = await waitUntil(async () => {
    const c = await baton.runtime.store.findByAddress('whatsapp', address);
    return c?.status === 'queued' ? c : undefined;
  });
  await baton.settle();
  await agent.ok('POST', `/conversations/${conv.id}/claim`);
  return { id: conv.id, address };
}

async function upload(agent: AgentClient, conversationId: string, name: string, bytes: Buffer): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${baton.url}/api/v1/conversations/${conversationId}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${agent.token}` }, body: form });
  return { status: res.status, body: await res.json() };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

test('an uploaded image goes to Twilio as a MediaUrl on PUBLIC_URL that serves the same bytes', async () => {
  const { id, address } = await claimedWhatsApp();
  const up = await upload(admin, id, 'receipt.png', PNG);
  expect(up.status).toBe(201);
  expect(up.body).toMatchObject({ name: 'receipt.png', contentType: 'image/png', kind: 'image', size: PNG.length, conversationId: id });

  const sent = await admin.ok('POST', `/conversations/${id}/messages`, { text: 'Here is your receipt', uploadId: up.body.id });
  expect(sent.media).toEqual([{ url: up.body.url, kind: 'image', contentType: 'image/png' }]);
  const form = (await twilio.waitFor((r) => r.form?.get('To') === address && r.form.has('MediaUrl'))).form!;
  expect(form.get('Body')).toBe('Here is your receipt');
  const mediaUrl = form.get('MediaUrl')!;
  expect(mediaUrl.startsWith(`${baton.config.publicUrl}/media/${up.body.id}.png?expires=`)).toBe(true);
  const fetched = await fetch(mediaUrl);
  expect(fetched.status).toBe(200);
  expect(fetched.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);

  const asAgent = await fetch(`${baton.url}${up.body.url}`, { headers: { authorization: `Bearer ${admin.token}` } });
  expect(Buffer.from(await asAgent.arrayBuffer()).equals(PNG)).toBe(true);
});

test('a media link with a changed signature or time is refused, and an expired one is gone', async () => {
  const { id } = await claimedWhatsApp();
  const up = await upload(admin, id, 'scan.pdf', PDF);
  const good = new URL(signMediaUrl({ publicUrl: baton.url, secret: 'media-secret-for-the-upload-tests', file: `${up.body.id}.pdf`, expiresAtMs: Date.now() + 60_000 }));
  expect((await fetch(good)).status).toBe(200);

  const tampered = new URL(good);
  tampered.searchParams.set('sig', `${good.searchParams.get('sig')!.slice(0, -2)}xx`);
  const later = new URL(good);
  later.searchParams.set('expires', String(Number(good.searchParams.get('expires')) + 86_400));
  for (const u of [tampered, later]) {
    const res = await fetch(u);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('MEDIA_LINK_INVALID');
  }
  const expired = signMediaUrl({ publicUrl: baton.url, secret: 'media-secret-for-the-upload-tests', file: `${up.body.id}.pdf`, expiresAtMs: Date.now() - 1000 });
  const res = await fetch(expired);
  expect(res.status).toBe(410);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('MEDIA_LINK_EXPIRED');
});

test.each([
  ['an oversized file', 413, 'UPLOAD_TOO_LARGE', 'big.png', Buffer.concat([PNG, Buffer.alloc(5000)])],
  ['a file that is not an image or PDF', 415, 'UPLOAD_TYPE_REFUSED', 'page.html', HTML],
  ['a PDF named .png', 415, 'UPLOAD_TYPE_MISMATCH', 'photo.png', PDF],
  ['a name that climbs out of the folder', 400, 'UPLOAD_NAME_INVALID', '../../../tmp/owned.png', PNG],
] as const)('refuses %s with %s %s, writing nothing outside the storage folder', async (_what, status, code, name, bytes) => {
  const { id } = await claimedWhatsApp();
  const before = filesUnder(folder);
  const r = await upload(admin, id, name, bytes);
  expect(r.status).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(filesUnder(folder)).toEqual(before);
  expect(before.every((f) => f.startsWith(`uploads${path.sep}`))).toBe(true);
});

test("refuses to send an upload of another conversation", async () => {
  const first = await claimedWhatsApp();
  const second = await claimedWhatsApp();
  const up = await upload(admin, first.id, 'receipt.png', PNG);
  const r = await admin.call('POST', `/conversations/${second.id}/messages`, { uploadId: up.body.id });
  expect(r.status).toBe(404);
  expect(r.body.error.code).toBe('NOT_FOUND');
});

test("an agent of the conversation's team retries a failed reply, which then reaches Twilio with a fresh link", async () => {
  const owner = await createAgent(baton.url, admin, { email: `owner-${randomBytes(3).toString('hex')}@uploads.test`, name: 'Owner', teams: ['care'] });
  const teammate = await createAgent(baton.url, admin, { email: `mate-${randomBytes(3).toString('hex')}@uploads.test`, name: 'Mate', teams: ['care'] });
  const { id, address } = await claimedWhatsApp(owner);
  const up = await upload(owner, id, 'receipt.png', PNG);
  twilio.failNext = { count: 1, status: 400, body: { code: 63016, message: 'Failed to send freeform message because you are outside the allowed window.', status: 400 } };
  const failed = await owner.ok('POST', `/conversations/${id}/messages`, { uploadId: up.body.id });
  expect(failed).toMatchObject({ status: 'failed', errorCode: '63016' });

  const retried = await teammate.call('POST', `/conversations/${id}/messages/${failed.id}/retry`);
  expect(retried.status).toBe(200);
  expect(retried.body.status).not.toBe('failed');
  const sends = twilio.messages().filter((f) => f.get('To') === address);
  expect(sends.at(-1)!.get('MediaUrl')).toMatch(/\/media\/up_.*\.png\?expires=/);
  const again = await teammate.call('POST', `/conversations/${id}/messages/${failed.id}/retry`);
  expect(again.status).toBe(404);
});

test('lists the configured templates with their variables for the picker', async () => {
  const list = await admin.ok('GET', '/templates');
  expect(list.items).toEqual([{ name: 'order_update', language: 'en', variables: ['1', '2'], description: 'Order update', channels: ['whatsapp', 'whatsapp_cloud'] }]);
});
