import { applyLiveEvent, isStaleRow, needsFetch, rowMatches, type TabList } from '../../../../src/console/client/console/listUpdates';
import type { InboxTab } from '../../../../src/console/client/console/tabs';
import type { ConversationListItem, LiveEvent } from '../../../../src/console/client/shared/types';

const NOW = Date.parse('2025-03-06T10:00:00.000Z');

const row = (over: Partial<ConversationListItem> = {}): ConversationListItem => ({
  id: 'c_1',
  channel: 'whatsapp',
  customer: { name: 'Asha', address: 'whatsapp:+919876543210' },
  status: 'queued',
  team: 'care',
  priority: 'normal',
  waitingSince: '2025-03-06T09:50:00.000Z',
  lastMessage: { text: 'where is my order?', at: '2025-03-06T09:50:00.000Z', author: 'customer' },
  language: 'en',
  window: { allowed: true },
  ...over,
});

const careQueue: InboxTab = { id: 'queue:care', label: 'Care', query: { status: 'queued', team: 'care' }, kind: 'queue' };
const mine: InboxTab = { id: 'mine', label: 'Mine', query: { status: 'assigned', assignee: 'me' }, kind: 'mine' };
const tabs = [careQueue, mine];

const lists = (care: ConversationListItem[], mineItems: ConversationListItem[] = []): Record<string, TabList> => ({
  'queue:care': { items: care, loaded: true },
  mine: { items: mineItems, loaded: true },
});

const messageCreated = (r?: ConversationListItem): LiveEvent => ({
  type: 'message.created',
  conversationId: r?.id ?? 'c_1',
  messageId: 'm_1.c_1',
  direction: 'inbound',
  author: 'customer',
  team: 'care',
  ...(r ? { row: r } : {}),
});

describe('live list updates', () => {
  test('a new message updates the preview and time of its row in place', () => {
    const other = row({ id: 'c_2', waitingSince: '2025-03-06T09:55:00.000Z' });
    const updated = row({ lastMessage: { text: 'hello??', at: '2025-03-06T09:59:00.000Z', author: 'customer' } });
    const next = applyLiveEvent(lists([row(), other]), tabs, messageCreated(updated), 'ag_1', NOW);
    expect(next['queue:care']!.items.map((i) => [i.id, i.lastMessage?.text])).toEqual([['c_1', 'hello??'], ['c_2', 'where is my order?']]);
  });

  test('a message event with its row needs no fetch', () => {
    expect(needsFetch(messageCreated(row()))).toBe(false);
  });

  test('a conversation event without a row needs a fetch', () => {
    expect(needsFetch({ type: 'conversation.status', conversationId: 'c_1', status: 'queued', team: 'care' })).toBe(true);
  });

  test('a delivery status event neither changes the lists nor needs a fetch', () => {
    const before = lists([row()]);
    const event: LiveEvent = { type: 'message.status', conversationId: 'c_1', messageId: 'm_1.c_1', status: 'read', team: 'care' };
    expect(needsFetch(event)).toBe(false);
    expect(applyLiveEvent(before, tabs, event, 'ag_1', NOW)).toBe(before);
  });

  test('a claim moves the row from the queue to the claiming agent\'s Mine', () => {
    const claimed = row({ status: 'assigned', assigneeId: 'ag_1', waitingSince: undefined });
    const event: LiveEvent = { type: 'conversation.assigned', conversationId: 'c_1', agentId: 'ag_1', team: 'care', row: claimed };
    const next = applyLiveEvent(lists([row()]), tabs, event, 'ag_1', NOW);
    expect(next['queue:care']!.items).toEqual([]);
    expect(next.mine!.items.map((i) => i.id)).toEqual(['c_1']);
  });

  test('another agent\'s claim takes the row out of the queue and does not put it in my Mine', () => {
    const claimed = row({ status: 'assigned', assigneeId: 'ag_2', waitingSince: undefined });
    const event: LiveEvent = { type: 'conversation.assigned', conversationId: 'c_1', agentId: 'ag_2', team: 'care', row: claimed };
    const next = applyLiveEvent(lists([row()]), tabs, event, 'ag_1', NOW);
    expect(next['queue:care']!.items).toEqual([]);
    expect(next.mine!.items).toEqual([]);
  });

  test('a new escalation joins the queue in queue order', () => {
    const waiting = row({ id: 'c_old', waitingSince: '2025-03-06T09:00:00.000Z' });
    const urgent = row({ id: 'c_new', priority: 'urgent', waitingSince: '2025-03-06T09:59:30.000Z' });
    const event: LiveEvent = { type: 'conversation.escalated', conversationId: 'c_new', team: 'care', priority: 'urgent', reason: 'customer_requested', row: urgent };
    const next = applyLiveEvent(lists([waiting]), tabs, event, 'ag_1', NOW);
    expect(next['queue:care']!.items.map((i) => i.id)).toEqual(['c_new', 'c_old']);
  });

  test('a list filtered by waiting time leaves out a row that has not waited long enough', () => {
    const waitingTab: InboxTab = { id: 'filtered', label: 'Waiting', query: { status: 'queued', waitingOver: '300' }, kind: 'queue' };
    expect(rowMatches(waitingTab, row({ waitingSince: '2025-03-06T09:58:00.000Z' }), 'ag_1', NOW)).toBe(false);
    expect(rowMatches(waitingTab, row({ waitingSince: '2025-03-06T09:50:00.000Z' }), 'ag_1', NOW)).toBe(true);
  });

  test('a list not loaded yet is left to its fetch', () => {
    const before: Record<string, TabList> = { 'queue:care': { items: [], loaded: false } };
    expect(applyLiveEvent(before, tabs, messageCreated(row()), 'ag_1', NOW)).toBe(before);
  });

  test('a row read before the conversation changed owner is stale against one read after', () => {
    expect(isStaleRow([3, 1_000_500], [4, 1_000_000])).toBe(true);
  });

  test('a row is stale against a later update under the same owner, not against the same one', () => {
    expect(isStaleRow([4, 1_000_000], [4, 1_000_200])).toBe(true);
    expect(isStaleRow([4, 1_000_200], [4, 1_000_200])).toBe(false);
  });

  test('a row without a revision, or a first one, is never stale', () => {
    expect(isStaleRow(undefined, [4, 1_000_000])).toBe(false);
    expect(isStaleRow([1, 1], undefined)).toBe(false);
  });
});
