import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWhatsAppCloudWebhook } from '../../../../src/channels/whatsapp-cloud';
import { BatonError } from '../../../../src/errors';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../../fixtures/whatsapp-cloud', `${name}.json`), 'utf8'));

test('a text message becomes an answerable customer message at the Twilio-shaped address', () => {
  expect(parseWhatsAppCloudWebhook(fixture('text'))).toEqual([
    {
      kind: 'message',
      channel: 'whatsapp_cloud',
      customerAddress: 'whatsapp:+919812345678',
      platformMessageId: expect.stringMatching(/^wamid\./),
      timestamp: 1764950400000,
      author: 'customer',
      answerable: true,
      profileName: 'Priya Sharma',
      platformUserId: '919812345678',
      text: 'Where is my order?',
      media: [],
    },
  ]);
});

test('an image carries its caption and a media reference to look up', () => {
  const [event] = parseWhatsAppCloudWebhook(fixture('image'));
  expect(event).toMatchObject({ text: 'Broken on arrival', media: [{ url: 'whatsapp-media:1037543291543636', kind: 'image', contentType: 'image/jpeg' }] });
});

test('a failed status carries Meta\'s error code and details', () => {
  expect(parseWhatsAppCloudWebhook(fixture('status-failed'))).toEqual([
    {
      kind: 'status',
      channel: 'whatsapp_cloud',
      platformMessageId: 'WAMID',
      status: 'failed',
      timestamp: 1764950460000,
      errorCode: '131047',
      errorMessage: expect.stringContaining('24 hours'),
    },
  ]);
});

test('a reaction is reported as ignored, never a crash', () => {
  const body = JSON.parse(JSON.stringify(fixture('text'))) as { entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[] };
  body.entry[0]!.changes[0]!.value.messages[0] = { from: '919812345678', id: 'wamid.x', timestamp: '1764950400', type: 'reaction', reaction: { message_id: 'wamid.y', emoji: '👍' } };
  const notes: string[] = [];
  expect(parseWhatsAppCloudWebhook(body, (n) => notes.push(n))).toEqual([]);
  expect(notes).toEqual(['reaction']);
});

test('a Messenger body is ignored with a note naming its object', () => {
  const notes: string[] = [];
  expect(parseWhatsAppCloudWebhook({ object: 'page', entry: [] }, (n) => notes.push(n))).toEqual([]);
  expect(notes).toEqual(['object:page']);
});

test('a message without an id is refused naming the field', () => {
  const body = JSON.parse(JSON.stringify(fixture('text'))) as { entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[] };
  delete body.entry[0]!.changes[0]!.value.messages[0]!.id;
  expect(() => parseWhatsAppCloudWebhook(body)).toThrow(BatonError);
  expect(() => parseWhatsAppCloudWebhook(body)).toThrow(/entry\[0\]\.changes\[0\]\.value\.messages\[0\]\.id/);
});
