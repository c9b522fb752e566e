import { z } from 'zod';
import type { GeoLocation, InboundMessageEvent, MediaItem } from '../../conversations/types';
import { mediaKindFromContentType } from './mediaKind';
import { validateTwilioParams } from './validateParams';
import type { TwilioParams } from './verifySignature';

/**
 * Twilio's inbound message webhook (protocols.md §1.1) → one InboundMessageEvent. WhatsApp (`From` =
 * `whatsapp:+E164`) and plain SMS/MMS to the same number both become channel `whatsapp`; SMS is marked
 * `extra.transport = 'sms'`. Twilio sends no timestamp, so the caller passes `now`.
 */

const field = z.string({ message: 'must be a single text value' });
const nonEmpty = field.min(1, { message: 'must not be empty' });

const inboundSchema = z.looseObject({
  MessageSid: nonEmpty,
  AccountSid: nonEmpty,
  From: nonEmpty,
  To: nonEmpty,
  Body: field.optional(),
  NumMedia: field.regex(/^\d{1,2}$/, { message: 'must be a whole number' }).optional(),
  ProfileName: field.optional(),
  WaId: field.optional(),
  ExternalUserId: field.optional(),
  ButtonText: field.optional(),
  ButtonPayload: field.optional(),
  Latitude: field.optional(),
  Longitude: field.optional(),
  Address: field.optional(),
  Label: field.optional(),
  OriginalRepliedMessageSid: field.optional(),
});

/** Twilio parameter → `extra` key, copied when present and non-empty (none of them is a secret). */
const EXTRA_FIELDS: Record<string, string> = {
  MessageType: 'messageType',
  Forwarded: 'forwarded',
  FrequentlyForwarded: 'frequentlyForwarded',
  OriginalRepliedMessageSender: 'originalRepliedMessageSender',
  ExternalUserId: 'externalUserId',
  ReferralNumMedia: 'referralNumMedia',
  ReferralBody: 'referralBody',
  ReferralHeadline: 'referralHeadline',
  ReferralSourceId: 'referralSourceId',
  ReferralSourceType: 'referralSourceType',
  ReferralSourceUrl: 'referralSourceUrl',
  ReferralMediaId: 'referralMediaId',
  ReferralMediaContentType: 'referralMediaContentType',
  ReferralMediaUrl: 'referralMediaUrl',
};

function single(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === '' ? undefined : v;
}

function mediaItems(params: TwilioParams, numMedia: number): MediaItem[] {
  const items: MediaItem[] = [];
  for (let i = 0; i < numMedia; i++) {
    const url = single(params[`MediaUrl${i}`]);
    if (!url) continue;
    const contentType = single(params[`MediaContentType${i}`]);
    items.push({ url, ...(contentType ? { contentType } : {}), kind: mediaKindFromContentType(contentType) });
  }
  return items;
}

function location(lat?: string, lng?: string, address?: string, label?: string): GeoLocation | undefined {
  if (lat === undefined || lng === undefined) return undefined;
  const latitude = Number(lat);
  const longitude = Number(lng);
  if (lat.trim() === '' || lng.trim() === '' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude, ...(address ? { address } : {}), ...(label ? { label } : {}) };
}

function extras(params: TwilioParams, isSms: boolean): Record<string, string> | undefined {
  const extra: Record<string, string> = {};
  for (const [name, key] of Object.entries(EXTRA_FIELDS)) {
    const v = single(params[name]);
    // ReferralNumMedia=0 comes with every WhatsApp message; it only means something with a referral.
    if (v !== undefined && !(name === 'ReferralNumMedia' && v === '0')) extra[key] = v;
  }
  if (isSms) extra.transport = 'sms';
  return Object.keys(extra).length ? extra : undefined;
}

export interface ParseTwilioOptions {
  /** TWILIO_ACCOUNT_SID: a webhook for another account is refused. */
  accountSid: string;
  /** Receive time in ms (Twilio's webhook carries no timestamp). */
  now: number;
  /** The query of the URL Twilio called (signed with it): a status callback's `m` names our message. */
  query?: URLSearchParams;
}

export function parseTwilioInbound(params: TwilioParams, { accountSid, now }: ParseTwilioOptions): InboundMessageEvent[] {
  const p = validateTwilioParams(inboundSchema, params, 'Twilio inbound message', accountSid);
  const isSms = !p.From.startsWith('whatsapp:');
  const text = p.Body || p.ButtonText || undefined;
  const platformUserId = p.WaId || p.ExternalUserId || undefined;
  const loc = location(p.Latitude, p.Longitude, p.Address || undefined, p.Label || undefined);
  const extra = extras(params, isSms);

  const event: InboundMessageEvent = {
    kind: 'message',
    channel: 'whatsapp',
    customerAddress: p.From,
    platformMessageId: p.MessageSid,
    timestamp: now,
    author: 'customer',
    media: mediaItems(params, Number(p.NumMedia ?? '0')),
    answerable: true,
    ...(text !== undefined ? { text } : {}),
    ...(p.ButtonPayload ? { payload: p.ButtonPayload } : {}),
    ...(loc ? { location: loc } : {}),
    ...(p.ProfileName ? { profileName: p.ProfileName } : {}),
    ...(platformUserId ? { platformUserId } : {}),
    ...(p.OriginalRepliedMessageSid ? { replyToPlatformId: p.OriginalRepliedMessageSid } : {}),
    ...(extra ? { extra } : {}),
  };
  return [event];
}
