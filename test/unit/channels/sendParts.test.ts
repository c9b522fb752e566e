import { sendParts } from '../../../src/channels/sendParts';
import { ChannelSendError } from '../../../src/channels/types';

describe('sendParts: the parts of one message, resumable', () => {
  test('sends every part in order and answers the first part\'s id', async () => {
    const sent: string[] = [];
    const id = await sendParts(['a', 'b', 'c'], undefined, async (p) => (sent.push(p), `id-${p}`));
    expect([id, sent]).toEqual(['id-a', ['a', 'b', 'c']]);
  });

  test('a retry resumes after the parts already delivered', async () => {
    const sent: string[] = [];
    await sendParts(['a', 'b', 'c'], 2, async (p) => (sent.push(p), p));
    expect(sent).toEqual(['c']);
  });

  test('a failure says how many parts went out before it', async () => {
    const err = await sendParts(['a', 'b', 'c'], 0, async (p) => {
      if (p === 'b') throw new ChannelSendError('instagram', '2', 'temporary', true);
      return p;
    }).catch((e: ChannelSendError) => e);
    expect((err as ChannelSendError).partsSent).toBe(1);
  });

  test('a part the platform took before failing counts as sent', async () => {
    const err = await sendParts(['a', 'b'], 0, async (p, i) => {
      if (p === 'a') return p;
      const bad = new ChannelSendError('whatsapp_cloud', 'BAD_RESPONSE', 'no id', false);
      bad.partsSent = i + 1;
      throw bad;
    }).catch((e: ChannelSendError) => e);
    expect((err as ChannelSendError).partsSent).toBe(2);
  });
});
