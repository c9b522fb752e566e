import type { DeliveryStatus } from '../../conversations/types';

/**
 * Twilio message status (SDK enum, protocols.md §1.5) → Baton's DeliveryStatus, or null when the value says
 * nothing about an outbound message's progress (`scheduled`, `receiving`, `received`, unknown values).
 * `accepted` is a Messaging Service's initial "queued"; `canceled` means it will never be sent;
 * `partially_delivered` means at least one recipient got it.
 */
const TWILIO_STATUS: Record<string, DeliveryStatus | null> = {
  accepted: 'queued',
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  delivered: 'delivered',
  partially_delivered: 'delivered',
  read: 'read',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
  scheduled: null,
  receiving: null,
  received: null,
};

export function mapTwilioStatus(status: string): DeliveryStatus | null {
  return TWILIO_STATUS[status.trim().toLowerCase()] ?? null;
}
