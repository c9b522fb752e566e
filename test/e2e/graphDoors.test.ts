import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { signMessengerBody } from '../../src/channels/messenger';
import { RedisConversationStore } from '../../src/conversations/redisConversationStore';
import { FakeGraphApi } from '../support/fakePlatforms';
import { deletePrefix, describeWithRedis, testRedisUrl, uniquePrefix } from '../support/redis';
import { ensureBuild, startServerProcess, type ServerProcess } from '../support/serverProcess';
import { MESSENGER_TEST_ENV } from '../support/testBaton';

/**
 * The two newer Graph doors on the real server process (`node dist/main.js`), real Redis, and a local
 * fake Graph API: a signed WhatsApp Cloud API message and a signed Instagram DM, each answered.
 */

jest.setTimeout(120_000);

const PHONE_NUMBER_ID = '106540352242922';

describeWithRedis('the server process behind the WhatsApp Cloud API and Instagram doors', () => {
  const prefix = uniquePrefix('e2e-doors');
  let graph: FakeGraphApi;
  let server: ServerProcess;
  let redis: Redis;
  let store: RedisConversationStore;

  beforeAll(async () => {
    ensureBuild();
    graph = await new FakeGraphApi().start();
    redis = new Redis(testRedisUrl, { keyPrefix: prefix });
    store = new RedisConversationStore(redis);
    server = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        REDIS_URL: testRedisUrl,
        REDIS_KEY_PREFIX: prefix,
        ...MESSENGER_TEST_ENV,
        WHATSAPP_CLOUD_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
        WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAGcloudAccessToken456',
        INSTAGRAM_ACCESS_TOKEN: 'IGQVJinstagramToken789',
        META_GRAPH_URL: graph.url,
        SHUTDOWN_GRACE_MS: '5000',
      },
      readyTimeoutMs: 90_000,
    });
  }, 300_000);

  afterAll(async () => {
    await server?.stop('SIGTERM', 10_000);
    await graph?.stop();
    redis?.disconnect();
    await deletePrefix(testRedisUrl, prefix);
  }, 60_000);

  function signedPost(path: string, body: string) {
    return fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMessengerBody(body, MESSENGER_TEST_ENV.META_APP_SECRET) },
      body,
    });
  }

  test('a signed WhatsApp Cloud API message with a photo is answered through POST /{phone-number-id}/messages', async () => {
    const waId = `9198${String(randomBytes(4).readUInt32BE(0)).padStart(10, '0').slice(0, 8)}`;
    const wamid = `wamid.${randomBytes(24).toString('base64url')}`;
    const message = { from: waId, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'image', image: { caption: 'What time does the store open?', mime_type: 'image/jpeg', id: '1037543291543636' } };
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID }, contacts: [{ profile: { name: 'Priya' }, wa_id: waId }], messages: [message] } }] }],
    });
    const res = await signedPost('/webhooks/whatsapp', body);
    expect(res.status).toBe(200);
    const sent = await graph.waitFor((r) => (r.json as { to?: string; type?: string })?.to === waId && Boolean((r.json as { type?: string }).type), 30_000);
    expect(sent.path).toMatch(new RegExp(`^/v21\\.0/${PHONE_NUMBER_ID}/messages\\?appsecret_proof=[0-9a-f]{64}$`));
    expect(sent.headers.authorization).toBe('Bearer EAAGcloudAccessToken456');
    expect(JSON.stringify(sent.json)).toMatch(/10:00/);

    const conversation = await store.findByAddress('whatsapp_cloud', `whatsapp:+${waId}`);
    const [inbound] = await store.listMessages(conversation!.id);
    expect(inbound!.media[0]).toMatchObject({ kind: 'image', contentType: 'image/jpeg', url: expect.stringContaining(`${graph.url}/whatsapp_business/attachments/`) });
  });

  test('a signed Instagram DM is answered through POST /me/messages', async () => {
    const igsid = `12${String(randomBytes(6).readUIntBE(0, 6)).padStart(14, '0').slice(0, 14)}`;
    const body = JSON.stringify({
      object: 'instagram',
      entry: [{ time: Date.now(), id: '17841400000000001', messaging: [{ sender: { id: igsid }, recipient: { id: '17841400000000001' }, timestamp: Date.now(), message: { mid: `aWdf${randomBytes(20).toString('hex')}`, text: 'मेरा ऑर्डर कहाँ है?' } }] }],
    });
    const res = await signedPost('/webhooks/instagram', body);
    expect(res.status).toBe(200);
    const sent = await graph.waitFor((r) => (r.json as { recipient?: { id?: string }; message?: unknown })?.recipient?.id === igsid && Boolean((r.json as { message?: unknown }).message), 30_000);
    const json = sent.json as { messaging_type: string; message: { text: string } };
    expect(json.messaging_type).toBe('RESPONSE');
    expect(json.message.text).toMatch(/[\u0900-\u097F]/);
    expect(sent.path).toMatch(/^\/v21\.0\/me\/messages\?access_token=IGQVJinstagramToken789&appsecret_proof=/);
  });

  test('an unsigned Instagram DM is refused by the real server with 403', async () => {
    const res = await fetch(`${server.url}/webhooks/instagram`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"object":"instagram","entry":[]}' });
    expect(res.status).toBe(403);
  });
});
