import { sendSenderActionQuietly, sentMessageId } from '../../../../src/channels/messenger/sendApiOutcome';
import { ChannelSendError } from '../../../../src/channels/types';
import { recordingLogger } from './support';

const PSID = '6723456789012345';

describe('Send API answers, shared by Messenger and Instagram', () => {
  it('a 2xx answer gives the message id it carries', () => {
    expect(sentMessageId('instagram', { recipient_id: PSID, message_id: 'm_1' }, 0)).toBe('m_1');
  });

  it('a 2xx answer without a message id is a BAD_RESPONSE that is not retried and counts the parts already sent', () => {
    let caught: unknown;
    try {
      sentMessageId('instagram', { recipient_id: PSID }, 1);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ChannelSendError);
    expect(caught).toMatchObject({ channel: 'instagram', platformCode: 'BAD_RESPONSE', retryable: false, partsSent: 2 });
  });

  it('a failed sender action is logged with its code and the customer fingerprint, never the id, and is not thrown', async () => {
    const { logger, lines } = recordingLogger();
    const post = () => Promise.reject(new ChannelSendError('instagram', '10:2018278', 'outside the window', false));
    await expect(sendSenderActionQuietly('instagram', post, PSID, 'typing_on', logger)).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.message).toBe('Instagram sender action typing_on failed (10:2018278)');
    expect(JSON.stringify(lines[0]?.meta)).not.toContain(PSID);
  });

  it('a sender action posts the recipient and the action only', async () => {
    const bodies: unknown[] = [];
    await sendSenderActionQuietly('messenger', async (body) => bodies.push(body), PSID, 'mark_seen', recordingLogger().logger);
    expect(bodies).toEqual([{ recipient: { id: PSID }, sender_action: 'mark_seen' }]);
  });
});
