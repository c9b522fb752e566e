import { checkWindow, HUMAN_AGENT_WINDOW_MS, SERVICE_WINDOW_MS, type WindowQuery } from '../../../src/outbound/channelPolicy';

const lastInboundAt = Date.UTC(2025, 10, 20, 14, 5, 0); // 20 Nov 2025 14:05:00 UTC
const SECOND = 1000;
const at24h = lastInboundAt + SERVICE_WINDOW_MS;
const at7d = lastInboundAt + HUMAN_AGENT_WINDOW_MS;

function query(overrides: Partial<WindowQuery>): WindowQuery {
  return { channel: 'whatsapp', lastInboundAt, now: lastInboundAt, author: 'agent', kind: 'text', ...overrides };
}

describe('checkWindow on WhatsApp', () => {
  it('allows free text at 23:59:59 after the last message', () => {
    expect(checkWindow(query({ now: at24h - SECOND }))).toEqual({ allowed: true, closesAt: at24h });
  });

  it('refuses free text at exactly 24:00:00 and asks for a template', () => {
    expect(checkWindow(query({ now: at24h }))).toEqual({
      allowed: false,
      code: 'TEMPLATE_REQUIRED',
      reason: "WhatsApp's 24-hour window closed at 14:05 UTC on 21 Nov; send an approved template instead",
      closesAt: at24h,
    });
  });

  it('refuses free text from the bot as well as from agents once the window closed', () => {
    expect(checkWindow(query({ now: at24h + SECOND, author: 'bot' })).code).toBe('TEMPLATE_REQUIRED');
  });

  it('always allows a template, inside and outside the window', () => {
    expect(checkWindow(query({ kind: 'template', now: lastInboundAt + SECOND })).allowed).toBe(true);
    expect(checkWindow(query({ kind: 'template', now: at7d + SERVICE_WINDOW_MS })).allowed).toBe(true);
  });

  it('refuses free text to a customer who never wrote and still reports no window', () => {
    const verdict = checkWindow(query({ lastInboundAt: undefined }));
    expect(verdict.allowed).toBe(false);
    expect(verdict.code).toBe('TEMPLATE_REQUIRED');
    expect(verdict.closesAt).toBeUndefined();
  });

  it('allows a template to a customer who never wrote', () => {
    expect(checkWindow(query({ lastInboundAt: undefined, kind: 'template' }))).toEqual({ allowed: true });
  });
});

describe('checkWindow on Messenger', () => {
  const messenger = (overrides: Partial<WindowQuery>) => query({ channel: 'messenger', ...overrides });

  it('allows the bot at 23:59:59 without the HUMAN_AGENT tag', () => {
    expect(checkWindow(messenger({ now: at24h - SECOND, author: 'bot' }))).toEqual({
      allowed: true,
      humanAgentTag: false,
      closesAt: at24h,
      humanAgentClosesAt: at7d,
    });
  });

  it('refuses the bot at exactly 24:00:00', () => {
    const verdict = checkWindow(messenger({ now: at24h, author: 'bot' }));
    expect(verdict.allowed).toBe(false);
    expect(verdict.code).toBe('WINDOW_CLOSED');
    expect(verdict.reason).toBe(
      "Messenger's 24-hour window closed at 14:05 UTC on 21 Nov; until 14:05 UTC on 27 Nov only a human agent may reply (HUMAN_AGENT tag)",
    );
  });

  it('refuses system messages after 24 hours', () => {
    expect(checkWindow(messenger({ now: at24h, author: 'system' })).code).toBe('WINDOW_CLOSED');
  });

  it('allows an agent at exactly 24:00:00 with the HUMAN_AGENT tag', () => {
    expect(checkWindow(messenger({ now: at24h }))).toEqual({ allowed: true, humanAgentTag: true, closesAt: at24h, humanAgentClosesAt: at7d });
  });

  it('allows an agent one second before 7 days with the HUMAN_AGENT tag', () => {
    expect(checkWindow(messenger({ now: at7d - SECOND })).humanAgentTag).toBe(true);
  });

  it('refuses an agent at exactly 7 days', () => {
    expect(checkWindow(messenger({ now: at7d }))).toEqual({
      allowed: false,
      code: 'WINDOW_CLOSED',
      reason: "Messenger's 7-day human agent window closed at 14:05 UTC on 27 Nov; wait for the customer to write again",
      closesAt: at24h,
      humanAgentClosesAt: at7d,
    });
  });

  it('refuses templates, which Messenger does not have', () => {
    const verdict = checkWindow(messenger({ kind: 'template', now: lastInboundAt + SECOND }));
    expect(verdict.allowed).toBe(false);
    expect(verdict.code).toBe('TEMPLATE_UNSUPPORTED');
  });

  it('refuses free text to a customer who never wrote', () => {
    const verdict = checkWindow(messenger({ lastInboundAt: undefined }));
    expect(verdict).toMatchObject({ allowed: false, code: 'WINDOW_CLOSED' });
    expect(verdict.closesAt).toBeUndefined();
  });
});

describe('checkWindow on the sandbox', () => {
  it('always allows, even long after the last message or with no message at all', () => {
    expect(checkWindow(query({ channel: 'sandbox', now: at7d * 2, author: 'bot' }))).toEqual({ allowed: true });
    expect(checkWindow(query({ channel: 'sandbox', lastInboundAt: undefined, kind: 'template' }))).toEqual({ allowed: true });
  });
});

describe('WhatsApp through the Cloud API follows the WhatsApp window', () => {
  const t0 = Date.UTC(2026, 11, 1, 12, 0, 0);
  test('free text within 24 hours is allowed', () => {
    expect(checkWindow({ channel: 'whatsapp_cloud', lastInboundAt: t0, now: t0 + 23 * 3600_000, author: 'bot', kind: 'text' }).allowed).toBe(true);
  });
  test('free text at 24 hours needs a template', () => {
    expect(checkWindow({ channel: 'whatsapp_cloud', lastInboundAt: t0, now: t0 + 24 * 3600_000, author: 'agent', kind: 'text' })).toMatchObject({ allowed: false, code: 'TEMPLATE_REQUIRED' });
  });
  test('a template may always go', () => {
    expect(checkWindow({ channel: 'whatsapp_cloud', now: t0, author: 'agent', kind: 'template' }).allowed).toBe(true);
  });
});

describe('Instagram follows the Messenger rules under its own name', () => {
  const t0 = Date.UTC(2026, 11, 1, 12, 0, 0);
  test('an agent may reply with the HUMAN_AGENT tag between 24 hours and 7 days', () => {
    expect(checkWindow({ channel: 'instagram', lastInboundAt: t0, now: t0 + 3 * 24 * 3600_000, author: 'agent', kind: 'text' })).toMatchObject({ allowed: true, humanAgentTag: true });
  });
  test('the bot may not write after 24 hours, and the reason names Instagram', () => {
    expect(checkWindow({ channel: 'instagram', lastInboundAt: t0, now: t0 + 25 * 3600_000, author: 'bot', kind: 'text' })).toMatchObject({ allowed: false, reason: expect.stringContaining("Instagram's 24-hour window") });
  });
  test('Instagram has no templates', () => {
    expect(checkWindow({ channel: 'instagram', lastInboundAt: t0, now: t0, author: 'agent', kind: 'template' })).toMatchObject({ allowed: false, code: 'TEMPLATE_UNSUPPORTED' });
  });
});

describe('SMS through the Twilio door', () => {
  test('an address without the whatsapp: prefix is an SMS number and has no window', () => {
    expect(checkWindow({ channel: 'whatsapp', address: '+447700900123', now: 10 * 24 * 3600_000, author: 'system', kind: 'text' })).toEqual({ allowed: true });
  });

  test('a whatsapp: address keeps the 24-hour window', () => {
    expect(checkWindow({ channel: 'whatsapp', address: 'whatsapp:+447700900123', now: 10 * 24 * 3600_000, author: 'system', kind: 'text' }).allowed).toBe(false);
  });
});
