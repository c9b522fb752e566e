import { sessionKeys, tokenDigest } from '../../../src/inbox/auth/sessionStore';
import type { TestBaton } from '../../support/testBaton';
import { call, createAgent, customerSays, detail, startBaton, uniqueCustomer, type AgentClient, type Detail } from './handoffHarness';

/**
 * The agent API refuses what it must, with the right status and code, and a refused mutation
 * changes nothing: the conversation and its transcript are exactly as before.
 */

let baton: TestBaton;
let admin: AgentClient;
let asha: AgentClient;
let ravi: AgentClient;
let id: string;
let before: Detail;

beforeEach(async () => {
  ({ baton, admin } = await startBaton());
  asha = await createAgent(baton.url, admin, { email: 'asha@handoff.test', name: 'Asha' });
  ravi = await createAgent(baton.url, admin, { email: 'ravi@handoff.test', name: 'Ravi' });
  const answer = await customerSays(baton.url, uniqueCustomer('bad'), 'I want to talk to a human agent please');
  id = answer.conversationId!;
  before = await detail(admin, id);
});
afterEach(() => baton.close());

async function expectUnchanged(): Promise<void> {
  const after = await detail(admin, id);
  expect(after.conversation).toEqual(before.conversation);
  expect(after.messages).toEqual(before.messages);
}

describe('unknown ids', () => {
  test.each([
    ['GET', '/conversations/c_unknown_123'],
    ['POST', '/conversations/c_unknown_123/claim'],
    ['POST', '/conversations/c_unknown_123/resolve'],
    ['POST', '/conversations/c_unknown_123/handback'],
    ['POST', '/follow-ups/fu_unknown_123/done'],
  ])('%s %s answers 404 NOT_FOUND', async (method, p) => {
    const r = await asha.call(method, p);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });

  test('a reply to an unknown conversation answers 404 NOT_FOUND', async () => {
    const r = await asha.call('POST', '/conversations/c_unknown_123/messages', { text: 'hello' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });

  test('a verification for an unknown customer answers 404 NOT_FOUND', async () => {
    const r = await asha.call('POST', '/customers/cu_unknown_123/verify-link', { channel: 'sandbox', address: 'someone-else' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});

describe('ownership', () => {
  test('a reply to a queued conversation nobody claimed answers 409 NOT_OWNER and changes nothing', async () => {
    const r = await asha.call('POST', `/conversations/${id}/messages`, { text: 'hello' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('NOT_OWNER');
    await expectUnchanged();
  });

  describe('once Asha claimed it', () => {
    beforeEach(async () => {
      await asha.ok('POST', `/conversations/${id}/claim`);
      before = await detail(admin, id);
    });

    test("Ravi's reply answers 409 NOT_OWNER and changes nothing", async () => {
      const r = await ravi.call('POST', `/conversations/${id}/messages`, { text: 'I will take this' });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('NOT_OWNER');
      await expectUnchanged();
    });

    test("Ravi's claim answers 409 CONFLICT and changes nothing", async () => {
      const r = await ravi.call('POST', `/conversations/${id}/claim`);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('CONFLICT');
      await expectUnchanged();
    });

    test("Ravi's resolve answers 409 NOT_OWNER, changes nothing and sends no survey", async () => {
      const r = await ravi.call('POST', `/conversations/${id}/resolve`);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('NOT_OWNER');
      await expectUnchanged();
    });

    test("Ravi's transfer answers 409 NOT_OWNER and changes nothing", async () => {
      const r = await ravi.call('POST', `/conversations/${id}/transfer`, { team: 'sales' });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('NOT_OWNER');
      await expectUnchanged();
    });
  });
});

describe('sessions', () => {
  test('an expired token answers 401 TOKEN_EXPIRED and its claim changes nothing', async () => {
    // The session as SessionStore keeps it, with its expiry already passed.
    await baton.runtime.redis.client.set(sessionKeys.session(tokenDigest(asha.token)), JSON.stringify({ agentId: asha.id, expiresAt: Date.now() - 1000 }));
    const r = await call(baton.url, 'POST', `/conversations/${id}/claim`, { token: asha.token });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('TOKEN_EXPIRED');
    await expectUnchanged();
  });

  test('a token used after logging out answers 401 TOKEN_EXPIRED', async () => {
    expect((await asha.call('POST', '/auth/logout')).status).toBe(204);
    const r = await call(baton.url, 'GET', '/conversations', { token: asha.token });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('TOKEN_EXPIRED');
  });

  test('no token at all answers 401 UNAUTHENTICATED', async () => {
    const r = await call(baton.url, 'POST', `/conversations/${id}/claim`);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
    await expectUnchanged();
  });
});

describe('malformed bodies', () => {
  beforeEach(async () => {
    await asha.ok('POST', `/conversations/${id}/claim`);
    before = await detail(admin, id);
  });

  test.each([
    ['an empty object', {}],
    ['both text and template', { text: 'hi', template: { name: 'order_update' } }],
    ['blank text', { text: '   ' }],
    ['an unknown field', { text: 'hi', urgent: true }],
    ['a plain-http media URL', { text: 'see this', mediaUrl: 'http://example.com/a.png' }],
    ['text that is not a string', { text: 42 }],
  ])('a reply with %s answers 400 VALIDATION_FAILED and changes nothing', async (_what, body) => {
    const r = await asha.call('POST', `/conversations/${id}/messages`, body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    await expectUnchanged();
  });

  test('a reply whose body is not JSON answers 400 and changes nothing', async () => {
    const r = await call(baton.url, 'POST', `/conversations/${id}/messages`, { token: asha.token, raw: '{"text": "hi"' });
    expect(r.status).toBe(400);
    await expectUnchanged();
  });

  test('a transfer naming neither a team nor an agent answers 400 VALIDATION_FAILED and changes nothing', async () => {
    const r = await asha.call('POST', `/conversations/${id}/transfer`, { note: 'please take it' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    await expectUnchanged();
  });

  test('a transfer to a team that does not exist answers 404 and changes nothing', async () => {
    const r = await asha.call('POST', `/conversations/${id}/transfer`, { team: 'nowhere' });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    await expectUnchanged();
  });

  test('a presence that is not online, away or offline answers 400 VALIDATION_FAILED', async () => {
    const before = (await asha.ok('GET', '/agents/me')).presence;
    const r = await asha.call('PUT', '/agents/me/presence', { status: 'busy' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect((await asha.ok('GET', '/agents/me')).presence).toBe(before);
  });

  test('an id that is not an id answers 400 VALIDATION_FAILED', async () => {
    const r = await asha.call('GET', `/conversations/${encodeURIComponent('bad id!')}`);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });
});
