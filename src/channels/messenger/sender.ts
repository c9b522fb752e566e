import { MESSENGER_MAX_TEXT_CHARS, splitMessageBody } from '../splitText';
import { createHmac } from 'node:crypto';
import type { Logger } from 'winston';
import { z } from 'zod';
import type { MessengerConfig } from '../../config';
import type { ChannelName } from '../../conversations/types';
import { parseRetryAfter } from '../../outbound/retryPolicy';
import { sendParts } from '../sendParts';
import { ChannelSendError, type ChannelSender, type OutboundContent, type SendOptions, type SendResult, type SenderAction } from '../types';
import { attachmentTypeForUrl } from './attachmentType';
import { ownMetadata } from './ownMetadata';
import { sendSenderActionQuietly, sentMessageId } from './sendApiOutcome';
import { toMessengerQuickReplies, MAX_QUICK_REPLIES } from './quickReplies';

export interface MessengerSenderOptions {
  config: MessengerConfig;
  /** Per request, response body included. */
  timeoutMs: number;
  logger: Logger;
}

/** Graph error codes that mean "try again later" (temporary failure, unknown error, app and API rate limits). */
export const RETRYABLE_GRAPH_CODES: ReadonlySet<number> = new Set([1200, 2, 4, 613]);

const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    fbtrace_id: z.string().optional(),
  }),
});


/** `appsecret_proof` for Graph calls: hex HMAC-SHA256 of the access token, keyed with the App Secret. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/** Duck-typed on purpose: fetch's errors (DOMException, TypeError) may come from another realm than ours. */
function errorField(err: unknown, field: 'name' | 'message' | 'cause'): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[field] : undefined;
}

function isTimeout(err: unknown): boolean {
  const name = errorField(err, 'name');
  return name === 'TimeoutError' || name === 'AbortError';
}

/** The most specific reason fetch gives ("connect ECONNREFUSED …" lives in `cause`); never the URL. */
function networkReason(err: unknown): string {
  const causeMessage = errorField(errorField(err, 'cause'), 'message');
  if (typeof causeMessage === 'string') return causeMessage;
  const message = errorField(err, 'message');
  return typeof message === 'string' ? message : String(err);
}

/**
 * A failed Graph response → ChannelSendError with `code[:subcode]`, retryable per Meta's codes and the HTTP status.
 * Shared by every Graph channel (Messenger, Instagram, WhatsApp Cloud API), each with its own retryable codes.
 */
export function graphErrorToSendError(
  httpStatus: number,
  body: unknown,
  channel: ChannelName = 'messenger',
  retryableCodes: ReadonlySet<number> = RETRYABLE_GRAPH_CODES,
): ChannelSendError {
  const statusRetryable = httpStatus === 429 || httpStatus >= 500;
  const parsed = graphErrorSchema.safeParse(body);
  if (!parsed.success || parsed.data.error.code === undefined) {
    return new ChannelSendError(channel, `HTTP_${httpStatus}`, `Graph API answered HTTP ${httpStatus} without an error code`, statusRetryable, httpStatus);
  }
  const e = parsed.data.error;
  const code = e.code!;
  const platformCode = e.error_subcode === undefined ? String(code) : `${code}:${e.error_subcode}`;
  const trace = e.fbtrace_id ? ` (fbtrace_id ${e.fbtrace_id})` : '';
  return new ChannelSendError(
    channel,
    platformCode,
    `Graph API error ${platformCode}: ${e.message ?? 'no message'}${trace}`,
    statusRetryable || retryableCodes.has(code),
    httpStatus,
  );
}

type MessagePart = { text: string } | { attachment: { type: string; payload: { url: string; is_reusable: true } } };

/**
 * The Messenger Send API behind ChannelSender: `POST {graphUrl}/{version}/me/messages` with the Page token
 * and its appsecret_proof. Text goes first, then one request per media URL; quick replies ride on the last
 * request (so they stay visible) and every request carries `metadata: "baton:<messageId>"` so its echo is
 * recognised as ours.
 */
export function createMessengerSender({ config, timeoutMs, logger }: MessengerSenderOptions): ChannelSender {
  const query = new URLSearchParams({
    access_token: config.pageAccessToken,
    appsecret_proof: appSecretProof(config.pageAccessToken, config.appSecret),
  });
  const url = `${config.graphUrl}/${config.graphVersion}/me/messages?${query.toString()}`;

  /** One Send API call; resolves with the parsed JSON of a 2xx answer. */
  async function post(body: Record<string, unknown>): Promise<unknown> {
    let res: Response;
    let json: unknown;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
    } catch (err) {
      // Never include the URL: it carries the access token.
      if (isTimeout(err)) {
        const timeout = new ChannelSendError('messenger', 'TIMEOUT', `Graph API did not answer within ${timeoutMs} ms`, true);
        timeout.outcomeUnknown = true;
        throw timeout;
      }
      throw new ChannelSendError('messenger', 'NETWORK', `Graph API unreachable: ${networkReason(err)}`, true);
    }
    if (!res.ok) {
      const e = graphErrorToSendError(res.status, json);
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), Date.now());
      if (retryAfterMs !== undefined) e.retryAfterMs = retryAfterMs;
      throw e;
    }
    return json;
  }

  async function send(to: string, content: OutboundContent, options: SendOptions): Promise<SendResult> {
    if (content.template) {
      throw new ChannelSendError('messenger', 'TEMPLATE_UNSUPPORTED', 'Messenger has no pre-approved templates: send text, media or quick replies', false);
    }
    if (options.humanAgentTag && options.author !== 'agent') {
      throw new Error(`The HUMAN_AGENT tag is for replies a human agent wrote; a ${options.author} message never uses it`);
    }
    const parts: MessagePart[] = [];
    // Messenger refuses text over 2,000 characters: longer answers go as several messages, cut at
    // line, sentence or word boundaries.
    if (content.text !== undefined && content.text !== '') {
      for (const text of splitMessageBody(content.text, MESSENGER_MAX_TEXT_CHARS)) parts.push({ text });
    }
    for (const mediaUrl of content.mediaUrls ?? []) {
      parts.push({ attachment: { type: attachmentTypeForUrl(mediaUrl), payload: { url: mediaUrl, is_reusable: true } } });
    }
    if (parts.length === 0) {
      throw new ChannelSendError('messenger', 'EMPTY_MESSAGE', 'Nothing to send: a Messenger message needs text or media', false);
    }
    const quickReplies = content.quickReplies && content.quickReplies.length > 0 ? toMessengerQuickReplies(content.quickReplies) : undefined;
    if (content.quickReplies && content.quickReplies.length > MAX_QUICK_REPLIES) {
      logger.warn(`Messenger shows at most ${MAX_QUICK_REPLIES} quick replies; ${content.quickReplies.length - MAX_QUICK_REPLIES} dropped`, {
        messageId: options.messageId,
      });
    }
    const routing = options.humanAgentTag
      ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }
      : { messaging_type: 'RESPONSE' };
    const metadata = ownMetadata(options.messageId);

    const first = await sendParts(parts, options.fromPart, async (part, i) => {
      const isLast = i === parts.length - 1;
      const json = await post({
        recipient: { id: to },
        ...routing,
        message: { ...part, ...(isLast && quickReplies ? { quick_replies: quickReplies } : {}), metadata },
      });
      return sentMessageId('messenger', json, i);
    });
    return { platformMessageId: first, status: 'sent' };
  }

  const senderAction = (to: string, action: SenderAction): Promise<void> => sendSenderActionQuietly('messenger', post, to, action, logger);

  // Deliveries and reads arrive as watermarks (parseWebhook.ts), never by mid.
  return { channel: 'messenger', receipts: 'watermark', send, senderAction };
}
