import { listPreviewOf, matchesListFilters, type Filterable } from '../../../../src/handoff/listFilters';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const conv = (over: Partial<Filterable> = {}): Filterable => ({ channel: 'whatsapp', status: 'queued', team: 'care', language: 'hi', queuedAt: NOW - 6 * 60_000, ...over });

describe('conversation list filters', () => {
  test('every filter given must hold', () => {
    expect(matchesListFilters(conv(), { channel: 'whatsapp', language: 'hi', team: 'care' }, NOW)).toBe(true);
    expect(matchesListFilters(conv(), { channel: 'whatsapp', language: 'ur' }, NOW)).toBe(false);
  });

  test('a conversation without a priority counts as normal', () => {
    expect(matchesListFilters(conv(), { priority: 'normal' }, NOW)).toBe(true);
    expect(matchesListFilters(conv({ priority: 'urgent' }), { priority: 'normal' }, NOW)).toBe(false);
  });

  test('"waiting over 5 min" takes queued conversations that waited at least 5 minutes', () => {
    const five = 5 * 60_000;
    expect(matchesListFilters(conv({ queuedAt: NOW - five }), { waitingOverMs: five }, NOW)).toBe(true);
    expect(matchesListFilters(conv({ queuedAt: NOW - five + 1 }), { waitingOverMs: five }, NOW)).toBe(false);
    expect(matchesListFilters(conv({ status: 'assigned' }), { waitingOverMs: five }, NOW)).toBe(false);
  });
});

describe('the list preview', () => {
  test("shows the customer's last words, not Baton's later notice", () => {
    const p = listPreviewOf({ lastInboundAt: NOW - 1000, lastInboundPreview: 'where is my parcel', lastMessageAt: NOW, lastMessagePreview: 'A person from our team will be with you' });
    expect(p).toEqual({ text: 'where is my parcel', at: new Date(NOW - 1000).toISOString(), author: 'customer' });
  });

  test('falls back to the last message when the customer never wrote', () => {
    expect(listPreviewOf({ lastMessageAt: NOW, lastMessagePreview: 'Your order has shipped' })?.text).toBe('Your order has shipped');
  });
});
