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

function statusOf(messageStatus: string, eventType: string | undefined): DeliveryStatus | null {
  const event = eventType?.trim().toUpperCase();
  if (event === 'READ') return 'read';
  if (event === 'DELIVERED') return 'delivered';
  return mapTwilioStatus(messageStatus);
}

export function parseTwilioStatus(params: TwilioParams, { accountSid, now }: ParseTwilioOptions): StatusEvent[] {
  const p = validateTwilioParams(statusSchema, params, 'Twilio status callback', accountSid);
  const status = statusOf(p.MessageStatus, p.EventType);
  if (status === null) return [];
  const errorCode = p.ErrorCode && p.ErrorCode !== '0' ? p.ErrorCode : undefined;
  return [
    {
      kind: 'status',
      channel: 'whatsapp',
      platformMessageId: p.MessageSid,
      status,
      timestamp: now,
      ...(errorCode ? { errorCode } : {}),
      ...(p.ChannelStatusMessage ? { errorMessage: p.ChannelStatusMessage } : {}),
    },
  ];
}
