import { appendQuickRepliesAsList } from '../../../../src/channels/twilio/quickRepliesAsText';

const replies = [
  { title: 'Store hours', payload: 'intent:store_hours' },
  { title: 'Track my order', payload: 'intent:track_order' },
];

describe('appendQuickRepliesAsList', () => {
  it('appends quick replies to the text as a numbered list after a blank line', () => {
    expect(appendQuickRepliesAsList('How can I help?', replies)).toBe('How can I help?\n\n1. Store hours\n2. Track my order');
  });

  it('returns the text unchanged without quick replies', () => {
    expect(appendQuickRepliesAsList('Hello', undefined)).toBe('Hello');
    expect(appendQuickRepliesAsList('Hello', [])).toBe('Hello');
  });

  it('returns only the list when there is no text', () => {
    expect(appendQuickRepliesAsList(undefined, replies)).toBe('1. Store hours\n2. Track my order');
  });

  it('keeps non-Latin titles as they are', () => {
    expect(appendQuickRepliesAsList('मदद?', [{ title: 'दुकान का समय' }])).toBe('मदद?\n\n1. दुकान का समय');
  });
});
