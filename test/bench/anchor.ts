/**
 * The anchor of `npm run bench:webhooks`: the least a bot can do with the libraries Baton uses.
 * Express parses the webhook, twilio-node checks the Twilio signature (an HMAC over the raw body for
 * Messenger) and a fixed reply goes out through the same fake platform API (twilio-node's client for
 * WhatsApp, fetch for the Graph API). No store, no bot, no ordering, no retries: whatever Baton
 * costs beyond this is what durability, ordering and the bot cost.
 *
 * Started by the benchmark as its own process (like Baton) so its CPU is measured alone. Env: PORT,
 * PUBLIC_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_NUMBER, TWILIO_API_URL,
 * META_APP_SECRET, META_PAGE_ACCESS_TOKEN, META_GRAPH_URL.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import twilio from 'twilio';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`anchor: ${name} is not set`);
  return v;
};

const port = Number(env('PORT'));
const publicUrl = env('PUBLIC_URL');
const authToken = env('TWILIO_AUTH_TOKEN');
const from = env('TWILIO_WHATSAPP_NUMBER');
const appSecret = env('META_APP_SECRET');
const pageToken = env('META_PAGE_ACCESS_TOKEN');
const graphUrl = env('META_GRAPH_URL');
const REPLY = 'Thanks for your message, we are on it.';

const client = twilio(env('TWILIO_ACCOUNT_SID'), authToken, { keepAlive: true, autoRetry: false, edge: '', region: '' });
client.api.baseUrl = env('TWILIO_API_URL');

const app = express();
app.get('/readyz', (_req, res) => {
  res.json({ ready: true });
});

app.post('/webhooks/twilio', express.urlencoded({ extended: false }), (req, res) => {
  const params = req.body as Record<string, string>;
  if (!twilio.validateRequest(authToken, req.header('x-twilio-signature') ?? '', `${publicUrl}/webhooks/twilio`, params)) {
    res.status(403).end();
    return;
  }
  res.type('text/xml').send('<Response/>');
  client.messages.create({ from, to: params.From ?? '', body: REPLY }).catch((err: Error) => console.error(`anchor: send failed: ${err.message}`));
});

interface MessengerBody {
  entry?: { messaging?: { sender?: { id?: string }; message?: { text?: string } }[] }[];
}

app.post('/webhooks/messenger', express.raw({ type: 'application/json' }), (req, res) => {
  const raw = req.body as Buffer;
  const given = Buffer.from(req.header('x-hub-signature-256') ?? '');
  const expected = Buffer.from(`sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res.status(403).end();
    return;
  }
  const body = JSON.parse(raw.toString('utf8')) as MessengerBody;
  res.send('EVENT_RECEIVED');
  for (const entry of body.entry ?? []) {
    for (const event of entry.messaging ?? []) {
      if (!event.message?.text || !event.sender?.id) continue;
      fetch(`${graphUrl}/v21.0/me/messages?access_token=${encodeURIComponent(pageToken)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recipient: { id: event.sender.id }, messaging_type: 'RESPONSE', message: { text: REPLY } }),
      })
        .then((r) => r.arrayBuffer())
        .catch((err: Error) => console.error(`anchor: send failed: ${err.message}`));
    }
  }
});

const server = app.listen(port, '127.0.0.1');
// As Baton's (src/main.ts): longer than a client's idle keep-alive, so no reused socket meets a close.
server.keepAliveTimeout = 65_000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
