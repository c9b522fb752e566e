import { toMessengerQuickReplies, truncateTitle } from '../../../../src/channels/messenger/quickReplies';

describe('truncateTitle', () => {
  it('leaves a title of 20 characters alone', () => {
    expect(truncateTitle('Track my order today')).toBe('Track my order today');
  });

  it('cuts a longer title to 20 characters ending with an ellipsis', () => {
    const out = truncateTitle('Talk to a customer care agent');
    expect(out).toBe('Talk to a customer…');
    expect([...out].length).toBeLessThanOrEqual(20);
  });

  it('never splits a Devanagari cluster: हुँ stays whole or goes whole', () => {
    const title = 'आपका ऑर्डर कहाँ पहुँचा है';
    // A code-point cut at 19 would keep 'हु' and drop its chandrabindu.
    expect([...title].slice(0, 19).join('')).toBe('आपका ऑर्डर कहाँ पहु');
    const out = truncateTitle(title);
    expect(out).toBe('आपका ऑर्डर कहाँ प…');
    expect([...out].length).toBeLessThanOrEqual(20);
  });
});

describe('toMessengerQuickReplies', () => {
  it('sends text quick replies, keeping only the first 13', () => {
    const replies = Array.from({ length: 15 }, (_, i) => ({ title: `Option ${i + 1}`, payload: `OPT_${i + 1}` }));
    const out = toMessengerQuickReplies(replies);
    expect(out).toHaveLength(13);
    expect(out[0]).toEqual({ content_type: 'text', title: 'Option 1', payload: 'OPT_1' });
    expect(out[12]?.payload).toBe('OPT_13');
  });
});
