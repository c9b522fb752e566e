import { z } from 'zod';
import type { DeliveryStatus, StatusEvent } from '../../conversations/types';
import type { ParseTwilioOptions } from './parseInbound';
import { mapTwilioStatus } from './statusMapping';
import { validateTwilioParams } from './validateParams';
import type { TwilioParams } from './verifySignature';

/**
 * Twilio's status callback for a message we sent (protocols.md §1.5) → zero or one StatusEvent.
 * `EventType=READ` (WhatsApp read receipt) means `read` whatever MessageStatus says; statuses that say
 * nothing about delivery (`scheduled`, `received`, unknown values) yield no event rather than an error.
 * The callback URL of a send's last part names our message in its query (`?m=<message id>`, signed
 * by Twilio with the rest of the URL): the event carries it, so the store needs no sid → message key.
 */

const field = z.string({ message: 'must be a single text value' });
const nonEmpty = field.min(1, { message: 'must not be empty' });

const statusSchema = z.looseObject({
  MessageSid: nonEmpty,
  AccountSid: nonEmpty,
  MessageStatus: nonEmpty,
  ErrorCode: field.optional(),
  ChannelStatusMessage: field.optional(),
  EventType: field.optional(),
});

/** Our message ids (`m<index>.<conversation id>`, or an id of the previous format): what a StatusCallback's `m` may hold. */
const messageIdSchema = z.string().max(120).regex(/^m[0-9a-z_]*\.[A-Za-z0-9_]+$/);

/** The message a status callback names in its URL's `m` (sendStatusCallback); undefined when none or not an id of ours. */
export function messageIdOfCallback(query: URLSearchParams | undefined): string | undefined {
  const m = messageIdSchema.safeParse(query?.get('m') ?? undefined);
  return m.success ? m.data : undefined;
}

function statusOf(messageStatus: string, eventType: string | undefined): DeliveryStatus | null {
  const event = eventType?.trim().toUpperCase();
  if (event === 'READ') return 'read';
  if (event === 'DELIVERED') return 'delivered';
  return mapTwilioStatus(messageStatus);
}

export function parseTwilioStatus(params: TwilioParams, { accountSid, now, query }: ParseTwilioOptions): StatusEvent[] {
  const p = validateTwilioParams(statusSchema, params, 'Twilio status callback', accountSid);
  const status = statusOf(p.MessageStatus, p.EventType);
  if (status === null) return [];
  const errorCode = p.ErrorCode && p.ErrorCode !== '0' ? p.ErrorCode : undefined;
  const messageId = messageIdOfCallback(query);
  return [
    {
      kind: 'status',
      channel: 'whatsapp',
      platformMessageId: p.MessageSid,
      ...(messageId ? { messageId } : {}),
      status,
      timestamp: now,
      ...(errorCode ? { errorCode } : {}),
      ...(p.ChannelStatusMessage ? { errorMessage: p.ChannelStatusMessage } : {}),
    },
  ];
}
