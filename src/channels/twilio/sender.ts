import twilio from 'twilio';
import type winston from 'winston';
import type { TwilioConfig } from '../../config';
import { parseRetryAfter } from '../../outbound/retryPolicy';
import type { ChannelSender, LookupQuery, LookupResult, OutboundContent, SenderAction, SendOptions, SendResult } from '../types';
import { sendParts } from '../sendParts';
import { ChannelSendError } from '../types';
import { messagingBaseUrl } from './baseUrls';
import { appendQuickRepliesAsList } from './quickRepliesAsText';
import { splitMessageBody } from '../splitText';
import { mapTwilioStatus } from './statusMapping';
import { TwilioHttpClient, type TwilioHttpRequest } from './httpClient';

/**
 * Sends through the twilio SDK's REST client (POST {apiUrl}/2010-04-01/Accounts/{sid}/Messages.json,
 * Basic auth). One OutboundContent can become several Twilio messages, sent in order:
 * - a template is one message (ContentSid + ContentVariables); its text, if any, is not sent;
 * - quick replies are appended to the text as a numbered list (no buttons without a template);
 * - text over 1,600 chars is split on line/sentence boundaries;
 * - media rides on the last text part; WhatsApp carries one attachment per message, so each further
 *   media URL goes in its own message (SMS/MMS takes them all at once).
 * The result is the LAST message's sid and status; the status callbacks of earlier parts are for sids
 * the store does not know and are ignored there.
 */

export interface TwilioSenderOptions {
  config: TwilioConfig;
  /** Base URL Twilio calls back: the status callback is `${publicUrl}/webhooks/twilio/status`. */
  publicUrl: string;
  timeoutMs: number;
  logger: winston.Logger;
}

/** Twilio codes worth retrying later besides HTTP 429/5xx: 20429 too many requests, 63018 WhatsApp rate/tier limit. */
const RETRYABLE_TWILIO_CODES = new Set(['20429', '63018']);

interface CreateParams {
  to: string;
  from: string;
  statusCallback: string;
  body?: string;
  mediaUrl?: string[];
  contentSid?: string;
  contentVariables?: string;
}

/** Sender address for a recipient: the WhatsApp number, or the same number without prefix for SMS. */
export function twilioFromFor(to: string, whatsappNumber: string): string {
  return to.startsWith('whatsapp:') ? whatsappNumber : whatsappNumber.replace(/^whatsapp:/, '');
}

/**
 * The status callback URL of a send's last part: Baton's message id in its query (`?m=`), which
 * Twilio signs with the URL, so a receipt names the message without a sid → message key in Redis.
 * The earlier parts of a split message call back the plain URL (their sids are on no message).
 */
export function sendStatusCallback(statusCallback: string, messageId: string): string {
  return `${statusCallback}${statusCallback.includes('?') ? '&' : '?'}m=${encodeURIComponent(messageId)}`;
}

/** The Twilio messages one OutboundContent becomes, in sending order (pure). With `messageId`, the last one's callback names it. */
export function planTwilioMessages(
  to: string,
  content: OutboundContent,
  base: { from: string; statusCallback: string; messageId?: string },
): CreateParams[] {
  const plan = planParts(to, content, { to, from: base.from, statusCallback: base.statusCallback });
  const last = plan[plan.length - 1];
  if (last && base.messageId) last.statusCallback = sendStatusCallback(base.statusCallback, base.messageId);
  return plan;
}

function planParts(to: string, content: OutboundContent, common: CreateParams): CreateParams[] {
  if (content.template) {
    const vars = content.template.variables;
    return [
      {
        ...common,
        contentSid: content.template.contentSid,
        ...(vars && Object.keys(vars).length ? { contentVariables: JSON.stringify(vars) } : {}),
      },
    ];
  }
  const parts = splitMessageBody(appendQuickRepliesAsList(content.text, content.quickReplies));
  const media = content.mediaUrls ?? [];
  const onePerMessage = to.startsWith('whatsapp:');
  const messages: CreateParams[] = parts.map((body) => ({ ...common, body }));
  if (media.length === 0) return messages;
  const firstBatch = onePerMessage ? media.slice(0, 1) : media;
  const last = messages[messages.length - 1];
  if (last) last.mediaUrl = firstBatch;
  else messages.push({ ...common, mediaUrl: firstBatch });
  if (onePerMessage) for (const url of media.slice(1)) messages.push({ ...common, mediaUrl: [url] });
  return messages;
}

interface RestLikeError {
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * Twilio's refusal as the HTTP seam read it: the status, Twilio's code and message from the body
 * (its legacy `{code, message}` or RFC 9457 `{code, detail, title}`), and the Retry-After header,
 * which twilio-node's own RestException drops.
 */
export class TwilioRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly retryAfter: string | undefined,
  ) {
    super(message);
    this.name = 'TwilioRestError';
  }
}

function restErrorOf(res: { statusCode: number; body: string; headers: Record<string, string | string[] | undefined> }): TwilioRestError {
  let body: { code?: unknown; message?: unknown; detail?: unknown; title?: unknown } = {};
  try {
    const parsed = JSON.parse(res.body) as unknown;
    if (parsed && typeof parsed === 'object') body = parsed as typeof body;
  } catch {
    // not JSON: the status alone
  }
  const text = [body.message, body.detail, body.title].find((v): v is string => typeof v === 'string' && v !== '');
  const retryAfter = res.headers['retry-after'];
  return new TwilioRestError(
    res.statusCode,
    body.code !== undefined && body.code !== null ? String(body.code) : undefined,
    text ?? `Twilio answered HTTP ${res.statusCode}`,
    typeof retryAfter === 'string' ? retryAfter : undefined,
  );
}

/**
 * The SDK's HTTP client (TwilioHttpClient: node:http/https, keep-alive) that turns a refusal into a
 * TwilioRestError carrying Retry-After, which reaches the caller of the SDK unchanged. (No
 * AsyncLocalStorage to carry the header: enabling one puts a hook on every promise of the process.)
 */
function createHeaderAwareClient(opts: { timeout: number; keepAlive: boolean }): twilio.RequestClient {
  const client = new TwilioHttpClient({ timeout: opts.timeout, keepAlive: opts.keepAlive });
  const headerAware = {
    async request(o: TwilioHttpRequest) {
      const res = await client.request(o);
      if (res.statusCode < 200 || res.statusCode >= 400) throw restErrorOf(res);
      return res;
    },
  };
  // BaseTwilio only ever calls httpClient.request.
  return headerAware as unknown as twilio.RequestClient;
}

/** Any failure of a Twilio REST call → ChannelSendError with Twilio's code, retryability and HTTP status. */
export function toTwilioSendError(err: unknown): ChannelSendError {
  if (err instanceof ChannelSendError) return err;
  if (err instanceof TwilioRestError) {
    const code = err.code ?? `HTTP_${err.status}`;
    const retryable = err.status === 429 || err.status >= 500 || RETRYABLE_TWILIO_CODES.has(code);
    const e = new ChannelSendError('whatsapp', code, `Twilio refused the message: ${err.message}`, retryable, err.status);
    const retryAfterMs = parseRetryAfter(err.retryAfter, Date.now());
    if (retryAfterMs !== undefined) e.retryAfterMs = retryAfterMs;
    return e;
  }
  if (err instanceof twilio.RestException || (err as RestLikeError)?.constructor?.name === 'RestException') {
    const e = err as RestLikeError;
    const status = typeof e.status === 'number' ? e.status : undefined;
    const code = e.code !== undefined && e.code !== null ? String(e.code) : `HTTP_${status ?? 'UNKNOWN'}`;
    const retryable = status === 429 || (status !== undefined && status >= 500) || RETRYABLE_TWILIO_CODES.has(code);
    const message = typeof e.message === 'string' && e.message ? e.message : `Twilio answered HTTP ${status}`;
    return new ChannelSendError('whatsapp', code, `Twilio refused the message: ${message}`, retryable, status);
  }
  const e = err as { code?: unknown; message?: unknown; isAxiosError?: unknown };
  const msg = typeof e?.message === 'string' ? e.message : String(err);
  if (e?.code === 'ECONNABORTED' || e?.code === 'ETIMEDOUT' || /timeout/i.test(msg)) {
    const timeout = new ChannelSendError('whatsapp', 'TIMEOUT', `Twilio did not answer in time: ${msg}`, true);
    // The request left: Twilio may have accepted it. Look it up before sending it again.
    timeout.outcomeUnknown = true;
    return timeout;
  }
  if (e?.isAxiosError === true || (typeof e?.code === 'string' && /^E[A-Z_]+$/.test(e.code))) {
    return new ChannelSendError('whatsapp', 'NETWORK', `Could not reach Twilio: ${msg}`, true);
  }
  return new ChannelSendError('whatsapp', 'SEND_FAILED', `Twilio send failed: ${msg}`, false);
}

export function createTwilioSender({ config, publicUrl, timeoutMs, logger }: TwilioSenderOptions): ChannelSender {
  // edge/region '' keep TWILIO_EDGE / TWILIO_REGION from the process environment from rewriting the host.
  const client = twilio(config.accountSid, config.authToken, {
    timeout: timeoutMs,
    autoRetry: false,
    edge: '',
    region: '',
    keepAlive: config.keepAlive !== false,
    httpClient: createHeaderAwareClient({ timeout: timeoutMs, keepAlive: config.keepAlive !== false }),
  });
  client.api.baseUrl = config.apiUrl;
  client.messaging.baseUrl = messagingBaseUrl(config.apiUrl);
  const statusCallback = `${publicUrl.replace(/\/+$/, '')}/webhooks/twilio/status`;

  async function createOne(params: CreateParams): Promise<SendResult> {
    try {
      const msg = await client.messages.create(params);
      return { platformMessageId: msg.sid, status: mapTwilioStatus(String(msg.status ?? '')) ?? 'queued' };
    } catch (err) {
      throw toTwilioSendError(err);
    }
  }

  function planFor(to: string, content: OutboundContent, messageId?: string): CreateParams[] {
    return planTwilioMessages(to, content, { from: twilioFromFor(to, config.whatsappNumber), statusCallback, ...(messageId ? { messageId } : {}) });
  }

  return {
    channel: 'whatsapp',
    receipts: 'message-id',

    async send(to: string, content: OutboundContent, options: SendOptions): Promise<SendResult> {
      if (content.template && !content.template.contentSid) {
        throw new ChannelSendError('whatsapp', 'TEMPLATE_UNSUPPORTED', `Template "${content.template.name ?? '?'}" has no contentSid: set one in WHATSAPP_TEMPLATES to send it through Twilio`, false);
      }
      const plan = planFor(to, content, options.messageId);
      if (plan.length === 0) {
        throw new ChannelSendError('whatsapp', 'EMPTY_MESSAGE', 'Nothing to send: no text, media or template', false);
      }
      let result: SendResult | undefined;
      await sendParts(plan, options.fromPart, async (part) => (result = await createOne(part)).platformMessageId);
      logger.debug('twilio message sent', { messageId: options.messageId, parts: plan.length, sid: result?.platformMessageId });
      return result!;
    },

    /**
     * Finds the copy Twilio kept of one part: GET Messages.json filtered by To and DateSent, then
     * the message from our number created since the attempt began, with the same body.
     */
    async lookup(to: string, content: OutboundContent, query: LookupQuery): Promise<LookupResult> {
      const plan = planFor(to, content);
      const params = plan[query.part];
      if (!params) return { found: null, parts: plan.length };
      const since = query.since - 5_000; // clocks differ a little
      let found;
      try {
        found = await client.messages.list({ to, dateSentAfter: new Date(Math.floor(since / 86_400_000) * 86_400_000), limit: 100 });
      } catch (err) {
        throw toTwilioSendError(err);
      }
      const match = found.find(
        (m) =>
          m.from === params.from &&
          !query.claimed?.has(m.sid) &&
          (m.dateCreated ? m.dateCreated.getTime() >= since : true) &&
          (params.body === undefined || m.body === params.body),
      );
      const result = match ? { platformMessageId: match.sid, status: mapTwilioStatus(String(match.status ?? '')) ?? 'queued' } : null;
      return { found: result, parts: plan.length };
    },

    async senderAction(to: string, action: SenderAction, inReplyToPlatformId?: string): Promise<void> {
      // Twilio has one indicator: typing (which also marks the inbound message read), WhatsApp only.
      if (action !== 'typing_on' || !inReplyToPlatformId || !to.startsWith('whatsapp:')) return;
      try {
        await client.messaging.v2.typingIndicator.create({ channel: 'whatsapp', messageId: inReplyToPlatformId });
      } catch (err) {
        const e = toTwilioSendError(err);
        logger.warn('twilio typing indicator failed', { code: e.platformCode, httpStatus: e.httpStatus, inReplyTo: inReplyToPlatformId });
      }
    },
  };
}
