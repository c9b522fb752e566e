import { parseMessengerWebhook } from '../../../../src/channels/messenger/parseWebhook';
import { BatonError } from '../../../../src/errors';
import { rawFixture } from './support';

const PAGE = '107548231234567';
const PSID = '6723456789012345';

const parseFixture = (name: string) => parseMessengerWebhook(JSON.parse(rawFixture(name)));

/** A one-event page body, for shapes no fixture covers. */
const oneEvent = (event: Record<string, unknown>, list: 'messaging' | 'standby' = 'messaging') => ({
  object: 'page',
  entry: [{ id: PAGE, time: 1752480000000, [list]: [event] }],
});
const fromUser = (rest: Record<string, unknown>) => ({ sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1752480000100, ...rest });

function validationError(body: unknown): BatonError {
  try {
    parseMessengerWebhook(body);
  } catch (err) {
    if (err instanceof BatonError) return err;
    throw err;
  }
  throw new Error('expected a BatonError');
}

describe('parseMessengerWebhook', () => {
  it('turns a text message into a customer message addressed by PSID', () => {
    expect(parseFixture('text')).toEqual([
      {
        kind: 'message',
        channel: 'messenger',
        customerAddress: PSID,
        platformMessageId: 'm_Cq9oEGaxzRbt2V5QmLr1xjN0Tx8yZk4aGmWQ6c5nUqHj9pL2vXwRz3sBtYdKe1fAoP7gM4hN8iS',
        timestamp: 1752480123210,
        author: 'customer',
        text: 'Where is my order?',
        media: [],
        answerable: true,
      },
    ]);
  });

  it('decodes \\uXXXX-escaped Hindi into Devanagari text', () => {
    const [event] = parseFixture('text-hindi');
    expect(event).toMatchObject({ kind: 'message', text: 'मेरा ऑर्डर कहाँ है?' });
  });

  it('carries a quick reply payload beside the tapped title', () => {
    expect(parseFixture('quick-reply')).toEqual([
      expect.objectContaining({ kind: 'message', text: 'Track my order', payload: 'TRACK_ORDER', answerable: true }),
    ]);
  });

  it('turns a Get Started postback into a message with the title as text and the payload', () => {
    expect(parseFixture('postback-get-started')).toEqual([
      {
        kind: 'message',
        channel: 'messenger',
        customerAddress: '7012345678901234',
        platformMessageId: 'm_Pb5nM8bV2cX6zL9kJ3hG7fD1sA4qW8eR2tY6uI0oP4aS8dF2gH6jK0lZ4xC8vB2nM6qW0eR4tY8',
        timestamp: 1752480153012,
        author: 'customer',
        text: 'Get Started',
        payload: 'GET_STARTED',
        media: [],
        answerable: true,
        extra: { source: 'postback' },
      },
    ]);
  });

  it('gives a postback without mid a synthetic id from sender and timestamp', () => {
    const [event] = parseMessengerWebhook(oneEvent(fromUser({ postback: { title: 'Menu', payload: 'MENU' } })));
    expect(event).toMatchObject({ platformMessageId: `postback:${PSID}:1752480000100`, payload: 'MENU' });
  });

  it('keeps a postback referral ref and source', () => {
    const [event] = parseMessengerWebhook(
      oneEvent(fromUser({ postback: { title: 'Get Started', payload: 'GET_STARTED', mid: 'm_x', referral: { ref: 'diwali', source: 'SHORTLINK', type: 'OPEN_THREAD' } } })),
    );
    expect(event).toMatchObject({ extra: { source: 'postback', referral_ref: 'diwali', referral_source: 'SHORTLINK' } });
  });

  it('unescapes the image URL and reports it as image media', () => {
    const [event] = parseFixture('image');
    expect(event).toMatchObject({
      kind: 'message',
      media: [
        {
          kind: 'image',
          url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/452312345_1234567890123456_1234567890123456789_n.jpg?_nc_cat=101&ccb=1-7&_nc_sid=fc17b8&_nc_ohc=Q7cD1QHkAbCQ7kNvgH1eXa&_nc_ad=z-m&_nc_cid=0&_nc_ht=scontent.xx&oh=03_Q7cD1QHkT0nB3&oe=66BC1234',
        },
      ],
    });
    expect(event).not.toHaveProperty('text');
  });

  it('reports a sticker sent as an image with sticker_id as one sticker', () => {
    const [event] = parseFixture('sticker');
    expect(event).toMatchObject({ media: [{ kind: 'sticker' }], extra: { sticker_id: '369239263222822' } });
  });

  it('collapses a sticker sent both as sticker and as image into one item', () => {
    const url = 'https://scontent.xx.fbcdn.net/v/t39.1997-6/851557_n.png';
    const [event] = parseMessengerWebhook(
      oneEvent(fromUser({ message: { mid: 'm_s', attachments: [{ type: 'sticker', payload: { url, sticker_id: 1 } }, { type: 'image', payload: { url } }] } })),
    );
    expect(event).toMatchObject({ media: [{ kind: 'sticker', url }] });
  });

  it('maps audio, video and file attachments, keeps a fallback link as other and drops one without URL', () => {
    const [event] = parseMessengerWebhook(
      oneEvent(
        fromUser({
          message: {
            mid: 'm_a',
            attachments: [
              { type: 'audio', payload: { url: 'https://cdn.fbsbx.com/a.mp4' } },
              { type: 'video', payload: { url: 'https://video.xx.fbcdn.net/v.mp4' } },
              { type: 'file', payload: { url: 'https://cdn.fbsbx.com/invoice.pdf' } },
              { type: 'fallback', payload: { url: 'https://example.com/track', title: 'Track' } },
              { type: 'fallback' },
            ],
          },
        }),
      ),
    );
    expect(event).toMatchObject({
      media: [
        { kind: 'audio', url: 'https://cdn.fbsbx.com/a.mp4' },
        { kind: 'video', url: 'https://video.xx.fbcdn.net/v.mp4' },
        { kind: 'file', url: 'https://cdn.fbsbx.com/invoice.pdf' },
        { kind: 'other', url: 'https://example.com/track' },
      ],
    });
  });

  it('reads a location attachment into a location', () => {
    const [event] = parseMessengerWebhook(
      oneEvent(fromUser({ message: { mid: 'm_l', attachments: [{ type: 'location', title: 'Pinned Location', payload: { coordinates: { lat: 18.5204, long: 73.8567 } } }] } })),
    );
    expect(event).toMatchObject({ media: [], location: { latitude: 18.5204, longitude: 73.8567, label: 'Pinned Location' } });
  });

  it('records the message a customer replied to', () => {
    const [event] = parseMessengerWebhook(oneEvent(fromUser({ message: { mid: 'm_r', text: 'this one', reply_to: { mid: 'm_earlier' } } })));
    expect(event).toMatchObject({ replyToPlatformId: 'm_earlier' });
  });

  it('turns a delivery into a delivered watermark with its mids', () => {
    expect(parseFixture('delivery')).toEqual([
      {
        kind: 'watermark',
        channel: 'messenger',
        customerAddress: PSID,
        status: 'delivered',
        watermark: 1752480180000,
        platformMessageIds: ['m_Dv4lR7yE0dM1dS3aB5cD7eF9gH1iJ3kL5mN7oP9qR1sT3uV5wX7yZ9aB1cD3eF5gH7iJ9kL1mN3'],
      },
    ]);
  });

  it('accepts a delivery without mids', () => {
    const [event] = parseMessengerWebhook(oneEvent({ sender: { id: PSID }, recipient: { id: PAGE }, delivery: { watermark: 5 } }));
    expect(event).toEqual({ kind: 'watermark', channel: 'messenger', customerAddress: PSID, status: 'delivered', watermark: 5 });
  });

  it('turns a read into a read watermark', () => {
    expect(parseFixture('read')).toEqual([
      { kind: 'watermark', channel: 'messenger', customerAddress: PSID, status: 'read', watermark: 1752480190000 },
    ]);
  });

  it('turns the echo of our own send (metadata baton:…) into an echo for the customer', () => {
    expect(parseFixture('echo-own')).toEqual([
      {
        kind: 'echo',
        channel: 'messenger',
        customerAddress: PSID,
        platformMessageId: 'm_Ec8oO1wN4sE7nD0bA3tO6nR9eP2lY5aB8cD1eF4gH7iJ0kL3mN6oP9qR2sT5uV8wX1yZ4aB7cD0',
        timestamp: 1752480203100,
      },
    ]);
  });

  it('records a reply typed in Page Inbox as an unanswerable agent message to the customer', () => {
    expect(parseFixture('echo-page-inbox')).toEqual([
      {
        kind: 'message',
        channel: 'messenger',
        customerAddress: PSID,
        platformMessageId: 'm_In6bO9xP2aG5eI8nB1oX4hU7mA0nR3eP6lY9aB2cD5eF8gH1iJ4kL7mN0oP3qR6sT9uV2wX5yZ8',
        timestamp: 1752480213050,
        author: 'agent',
        text: 'Hi, this is Priya from support. I have refunded your order.',
        media: [],
        answerable: false,
        extra: { app_id: '263902037430900', sent_from: 'page_inbox' },
      },
    ]);
  });

  it('treats an echo from another app with foreign metadata as an agent message, not ours', () => {
    const [event] = parseMessengerWebhook(
      oneEvent({ sender: { id: PAGE }, recipient: { id: PSID }, timestamp: 1, message: { mid: 'm_o', is_echo: true, app_id: 999, metadata: 'crm:42', text: 'hello' } }),
    );
    expect(event).toMatchObject({ kind: 'message', author: 'agent', answerable: false, customerAddress: PSID, extra: { sent_from: 'other_app' } });
  });

  it('records standby messages without ever making them answerable', () => {
    expect(parseFixture('standby')).toEqual([
      expect.objectContaining({ kind: 'message', author: 'customer', text: 'Thanks, that helps', answerable: false, extra: { standby: 'true' } }),
    ]);
  });

  it('reads every event of every entry of a batch, in order', () => {
    const events = parseFixture('batch');
    expect(events.map((e) => e.kind)).toEqual(['message', 'watermark', 'message']);
    expect(events[0]).toMatchObject({ text: 'Do you deliver to Pune?', customerAddress: PSID });
    expect(events[1]).toMatchObject({ status: 'read', watermark: 1752480230000 });
    expect(events[2]).toMatchObject({ payload: 'HUMAN', customerAddress: '7012345678901234' });
  });

  it('falls back on the entry time when a message has no timestamp', () => {
    const [event] = parseMessengerWebhook(oneEvent({ sender: { id: PSID }, recipient: { id: PAGE }, message: { mid: 'm_t', text: 'hi' } }));
    expect(event).toMatchObject({ timestamp: 1752480000000 });
  });

  it('ignores referrals and handovers without failing, and says so', () => {
    const notes: string[] = [];
    const body = {
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: 1,
          messaging: [
            fromUser({ referral: { ref: 'ad', source: 'ADS', type: 'OPEN_THREAD' } }),
            fromUser({ pass_thread_control: { new_owner_app_id: '1517776481860111', previous_owner_app_id: '263902037430900', metadata: '' } }),
            fromUser({ message: { mid: 'm_k', text: 'still read' } }),
          ],
        },
      ],
    };
    const events = parseMessengerWebhook(body, (n) => notes.push(n));
    expect(events).toHaveLength(1);
    expect(notes).toEqual(['referral', 'pass_thread_control']);
  });

  it('yields no events for an object other than page, and says which', () => {
    const notes: string[] = [];
    expect(parseMessengerWebhook({ object: 'instagram', entry: [{ id: '1', time: 1, messaging: [{}] }] }, (n) => notes.push(n))).toEqual([]);
    expect(notes).toEqual(['object:instagram']);
  });

  it('keeps unknown extra fields from failing the parse', () => {
    const [event] = parseMessengerWebhook(oneEvent(fromUser({ message: { mid: 'm_u', text: 'hi', nlp: { entities: {} }, brand_new: true }, brand_new_field: 1 })));
    expect(event).toMatchObject({ text: 'hi' });
  });

  it('names a missing message mid', () => {
    const err = validationError(oneEvent(fromUser({ message: { text: 'no id' } })));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toContain('entry[0].messaging[0].message.mid');
  });

  it('names a missing sender id inside a standby list', () => {
    const err = validationError(oneEvent({ recipient: { id: PAGE }, message: { mid: 'm' } }, 'standby'));
    expect(err.message).toContain('entry[0].standby[0].sender');
  });

  it('names a missing delivery watermark', () => {
    const err = validationError(oneEvent(fromUser({ delivery: { mids: ['m'] } })));
    expect(err.message).toContain('entry[0].messaging[0].delivery.watermark');
  });

  it('names a missing entry list or object field', () => {
    expect(validationError({ object: 'page' }).message).toContain('entry');
    expect(validationError({ entry: [] }).message).toContain('object');
    expect(validationError([]).code).toBe('VALIDATION_FAILED');
  });
});
