import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { signMediaUrl } from '../../../src/uploads/signedMediaUrl';
import { uploadKeys, uploadRecordSchema } from '../../../src/uploads/uploadStore';
import { PNG } from '../../fixtures/uploads/files';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../../support/redis';
import type { TestBaton } from '../../support/testBaton';
import { ADMIN, agentClient, customerSays, startBaton, uniqueCustomer, type AgentClient } from '../handoff/handoffHarness';

/**
 * Two instances on one real Redis and one shared uploads folder (the shared-volume deployment):
 * a file uploaded through instance A is served by instance B's signed link, because the record
 * lives in Redis and the bytes on the shared volume, and both sign with the same MEDIA_URL_SECRET.
 */

jest.setTimeout(60_000);

const SECRET = 'shared-media-secret-for-two-instances';

describeWithRedis('uploads across two instances', () => {
  const prefix = uniquePrefix('uploads');
  let folder: string;
  let a: TestBaton;
  let b: TestBaton;
  let agentOnA: AgentClient;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'baton-shared-volume-'));
    const env = { UPLOADS_DIR: folder, MEDIA_URL_SECRET: SECRET };
    ({ baton: a } = await startBaton({ env, redisUrl: testRedisUrl, prefix }));
    ({ baton: b } = await startBaton({ env, redisUrl: testRedisUrl, prefix }));
    agentOnA = await agentClient(a.url, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await deletePrefix(testRedisUrl, prefix);
    rmSync(folder, { recursive: true, force: true });
  });

  test("instance B serves, from its own PUBLIC_URL, a file uploaded through instance A", async () => {
    const turn = await customerSays(a.url, uniqueCustomer('shared'), 'I want to talk to a human agent please');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)]), 'photo.png');
    const res = await fetch(`${a.url}/api/v1/conversations/${turn.conversationId}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${agentOnA.token}` }, body: form });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    const redis = new Redis(testRedisUrl, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
    try {
      const raw = await redis.get(uploadKeys.record(id));
      expect(uploadRecordSchema.parse(JSON.parse(raw!))).toMatchObject({ id, conversationId: turn.conversationId, contentType: 'image/png', size: PNG.length });
    } finally {
      redis.disconnect();
    }

    const link = signMediaUrl({ publicUrl: b.url, secret: SECRET, file: `${id}.png`, expiresAtMs: Date.now() + 60_000 });
    const fetched = await fetch(link);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);
  });
});
