import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { signMediaUrl } from '../../../src/uploads/signedMediaUrl';
import { PNG } from '../../fixtures/uploads/files';
import { FakeS3 } from '../../support/fakeS3';
import type { TestBaton } from '../../support/testBaton';
import { customerSays, startBaton, uniqueCustomer, type AgentClient } from '../handoff/handoffHarness';

/**
 * UPLOADS_STORAGE=s3: the bytes go to an S3-compatible bucket (a local fake that checks every
 * request's Signature Version 4), nothing to the uploads folder, and the signed media link serves
 * them from the bucket.
 */

jest.setTimeout(60_000);

const CREDENTIALS = { accessKeyId: 'AKIABATONTEST0001', secretAccessKey: 'baton-test-secret-access-key-0001', region: 'eu-west-3' };
const SECRET = 'media-secret-for-the-s3-tests-01';

let s3: FakeS3;
let folder: string;

beforeAll(async () => {
  s3 = await new FakeS3('baton-uploads', CREDENTIALS).start();
  folder = mkdtempSync(path.join(tmpdir(), 'baton-s3-folder-'));
});
afterAll(async () => {
  await s3.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function batonWith(secretAccessKey: string): Promise<{ baton: TestBaton; admin: AgentClient }> {
  return startBaton({
    env: {
      UPLOADS_STORAGE: 's3',
      UPLOADS_DIR: folder,
      S3_ENDPOINT: s3.url,
      S3_BUCKET: 'baton-uploads',
      S3_REGION: CREDENTIALS.region,
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      MEDIA_URL_SECRET: SECRET,
    },
  });
}

async function upload(baton: TestBaton, admin: AgentClient): Promise<Response> {
  const turn = await customerSays(baton.url, uniqueCustomer('s3'), 'I want to talk to a human agent please');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG)]), 'photo.png');
  return fetch(`${baton.url}/api/v1/conversations/${turn.conversationId}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
}

test('an upload is stored in the bucket, not the folder, and its signed link serves the same bytes', async () => {
  const { baton, admin } = await batonWith(CREDENTIALS.secretAccessKey);
  try {
    const res = await upload(baton, admin);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect([...s3.objects.keys()]).toContain(`${id}.png`);
    expect(s3.objects.get(`${id}.png`)!.equals(PNG)).toBe(true);
    expect(readdirSync(folder)).toEqual([]);

    const fetched = await fetch(signMediaUrl({ publicUrl: baton.url, secret: SECRET, file: `${id}.png`, expiresAtMs: Date.now() + 60_000 }));
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);
  } finally {
    await baton.close();
  }
});

test('wrong S3 keys are refused by the store and the upload fails with STORE_UNAVAILABLE saying what to check', async () => {
  const { baton, admin } = await batonWith('not-the-right-secret-access-key-01');
  try {
    const res = await upload(baton, admin);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('STORE_UNAVAILABLE');
    expect(body.error.message).toMatch(/SignatureDoesNotMatch.*S3 keys/);
  } finally {
    await baton.close();
  }
});
