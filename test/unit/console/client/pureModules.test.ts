import { parseEnvelope } from '../../../../src/console/client/shared/eventStream';
import { channelInfo, formatDuration, languageLabel } from '../../../../src/console/client/shared/format';
import { matchCanned, shortcutQuery } from '../../../../src/console/client/console/canned';
import { titleWithCount } from '../../../../src/console/client/console/documentTitle';
import { parseRoute, routePath } from '../../../../src/console/client/console/route';
import { sortItems, tabsFor } from '../../../../src/console/client/console/tabs';
import type { Agent, CannedAnswer, ConversationListItem } from '../../../../src/console/client/shared/types';

const agent = (over: Partial<Agent> = {}): Agent => ({
  id: 'ag_1',
  email: 'a@b.c',
  name: 'A',
  role: 'agent',
  teams: ['care'],
  capacity: 3,
  presence: 'online',
  disabled: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

describe('formatting', () => {
  test('reads a duration as hours and minutes once past an hour', () => {
    expect(formatDuration((3 * 3600 + 12 * 60 + 5) * 1000)).toBe('3h 12m');
  });
  test('reads a short duration as minutes and padded seconds', () => {
    expect(formatDuration(65_000)).toBe('1m 05s');
  });
  test('never shows a negative duration', () => {
    expect(formatDuration(-5000)).toBe('0s');
  });
  test('names channels and languages for people', () => {
    expect(channelInfo('whatsapp')).toEqual({ icon: 'WA', label: 'WhatsApp' });
    expect(channelInfo('instagram')).toEqual({ icon: 'IG', label: 'Instagram' });
    expect(channelInfo('whatsapp_cloud')).toEqual({ icon: 'WA', label: 'WhatsApp (Cloud API)' });
    expect(languageLabel('hi-Latn')).toBe('Hinglish (hi-Latn)');
  });
});

describe('document title', () => {
  test('shows the unseen escalations in front of the name', () => {
    expect(titleWithCount(2)).toBe('(2) Baton');
    expect(titleWithCount(0)).toBe('Baton');
  });
});

describe('routes', () => {
  test('reads a conversation id from /console/c/:id and writes it back', () => {
    expect(parseRoute('/console/c/conv%2F1')).toEqual({ page: 'inbox', conversationId: 'conv/1' });
    expect(routePath({ page: 'inbox', conversationId: 'conv/1' })).toBe('/console/c/conv%2F1');
  });
  test('treats unknown paths as the inbox', () => {
    expect(parseRoute('/console/whatever')).toEqual({ page: 'inbox' });
    expect(parseRoute('/console/dashboard')).toEqual({ page: 'dashboard' });
  });
});

describe('inbox tabs', () => {
  test("gives an agent their teams' queues and Mine, and an admin All as well", () => {
    const teams = [{ id: 'care', name: 'Customer care' }];
    expect(tabsFor(agent(), teams).map((t) => t.label)).toEqual(['Customer care', 'Mine']);
    expect(tabsFor(agent({ role: 'admin' }), teams).map((t) => t.id)).toEqual(['queue:care', 'mine', 'all']);
  });
  test('orders a queue by priority, then by who has waited longest', () => {
    const item = (id: string, priority: ConversationListItem['priority'], waitingSince: string): ConversationListItem => ({
      id,
      channel: 'sandbox',
      customer: { address: id },
      status: 'queued',
      priority,
      waitingSince,
      window: { allowed: true },
    });
    const queue = tabsFor(agent(), [])[0]!;
    const sorted = sortItems(queue, [
      item('new-normal', 'normal', '2024-01-01T10:05:00Z'),
      item('old-normal', 'normal', '2024-01-01T10:00:00Z'),
      item('urgent', 'urgent', '2024-01-01T10:09:00Z'),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['urgent', 'old-normal', 'new-normal']);
  });
});

describe('canned answer shortcuts', () => {
  const answers: CannedAnswer[] = [
    { id: '1', team: 'care', shortcut: '/hello', title: 'Greeting', text: 'Hi' },
    { id: '2', team: 'care', shortcut: '/refund', title: 'Refund timeline', text: '5–7 days' },
    { id: '3', team: 'care', shortcut: '/late-ref', title: 'Late refund', text: 'Sorry' },
  ];
  test('opens only while the whole draft is one /word', () => {
    expect(shortcutQuery('/ref')).toBe('ref');
    expect(shortcutQuery('/')).toBe('');
    expect(shortcutQuery('see /ref')).toBeNull();
    expect(shortcutQuery('/ref and more')).toBeNull();
  });
  test('puts shortcut prefix matches before other matches', () => {
    expect(matchCanned(answers, 'ref').map((a) => a.id)).toEqual(['2', '3']);
  });
});

describe('live event envelopes', () => {
  test('reads the envelope the server sends as data', () => {
    const env = { id: '1-0', at: 1, event: { type: 'conversation.escalated', conversationId: 'c', team: 'care', priority: 'normal', reason: 'manual' } };
    expect(parseEnvelope(JSON.stringify(env))).toEqual(env);
  });
  test('drops data that is not an event', () => {
    expect(parseEnvelope('not json')).toBeNull();
    expect(parseEnvelope('{"hello":1}')).toBeNull();
  });
});
