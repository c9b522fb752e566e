import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTwilioFixture } from '../fixtures/twilio';

/**
 * Webhook bodies for any customer and text, built from the captured fixtures so every other field
 * stays exactly as the platform sends it.
 */

/** The whatsapp-text fixture for another sender, message id and text (url-encoded, field order kept). */
let whatsappTemplate: string | undefined;

export function whatsappTextBody(opts: { from: string; messageSid: string; text: string; profileName?: string }): string {
  whatsappTemplate ??= readTwilioFixture('whatsappText');
  const params = new URLSearchParams(whatsappTemplate);
  const waId = opts.from.replace(/^whatsapp:\+/, '');
  params.set('From', opts.from);
  params.set('WaId', waId);
  params.set('Body', opts.text);
  params.set('MessageSid', opts.messageSid);
  params.set('SmsSid', opts.messageSid);
  params.set('SmsMessageSid', opts.messageSid);
  if (opts.profileName) params.set('ProfileName', opts.profileName);
  return params.toString();
}

/** A Messenger text message from `psid` to the fixtures' Page, as Meta serialises it (non-ASCII escaped). */
export function messengerTextBody(opts: { psid: string; mid: string; text: string; timestamp?: number }): string {
  const raw = readFileSync(join(__dirname, '../fixtures/messenger/text.json'), 'utf8');
  const body = JSON.parse(raw) as {
    entry: { time: number; messaging: { sender: { id: string }; timestamp: number; message: { mid: string; text: string } }[] }[];
  };
  const entry = body.entry[0]!;
  const event = entry.messaging[0]!;
  const at = opts.timestamp ?? Date.now();
  entry.time = at;
  event.timestamp = at;
  event.sender.id = opts.psid;
  event.message.mid = opts.mid;
  event.message.text = opts.text;
  return JSON.stringify(body).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
