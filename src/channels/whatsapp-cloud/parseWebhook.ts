import type { ChannelEvent, DeliveryStatus, InboundMessageEvent, MediaItem, MediaKind } from '../../conversations/types';
import { validatePayload } from '../graph/validatePayload';
import { mediaRef } from './mediaRef';
import {
  businessAccountBodySchema,
  changeValueSchema,
  envelopeSchema,
  inboundMessageSchema,
  statusSchema,
  type CloudChangeValue,
  type CloudInboundMessage,
  type CloudStatus,
} from './schema';

const LABEL = 'WhatsApp Cloud API';

/** `whatsapp:+<digits>`: the same address Twilio uses, so one number is one customer on both doors. */
export function cloudAddress(waId: string): string {
  return `whatsapp:+${waId}`;
}

/** The number to send to, from a stored address (`whatsapp:+91…` → `91…`); a BSUID stays as it is. */
export function cloudRecipient(address: string): { to: string } | { recipient: string } {
  const m = /^whatsapp:\+(\d+)$/.exec(address);
  return m ? { to: m[1]! } : { recipient: address };
}

const MEDIA_TYPES: Record<string, MediaKind> = { image: 'image', audio: 'audio', video: 'video', document: 'file', sticker: 'sticker' };

const STATUS: Record<string, DeliveryStatus> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' };

function mediaOf(m: CloudInboundMessage): { media: MediaItem[]; caption?: string; extra: Record<string, string> } {
  const kind = MEDIA_TYPES[m.type];
  const obj = kind ? (m[m.type as 'image' | 'audio' | 'video' | 'document' | 'sticker'] ?? undefined) : undefined;
  if (!kind || !obj) return { media: [], extra: {} };
  return {
    media: [{ url: mediaRef(obj.id), kind, ...(obj.mime_type ? { contentType: obj.mime_type } : {}) }],
    ...(obj.caption ? { caption: obj.caption } : {}),
    extra: { media_id: obj.id, ...(obj.filename ? { filename: obj.filename } : {}) },
  };
}

/** A shared contact card, in words an agent reads: "Shared contact: Ana Silva (+919812345678)". */
function contactsText(m: CloudInboundMessage): string | undefined {
  const cards = m.contacts ?? [];
  if (cards.length === 0) return undefined;
  return cards
    .map((c) => {
      const phones = (c.phones ?? []).map((p) => p.phone).filter((p): p is string => Boolean(p));
      return `Shared contact: ${c.name?.formatted_name ?? 'unnamed'}${phones.length ? ` (${phones.join(', ')})` : ''}`;
    })
    .join('\n');
}

function fromMessage(m: CloudInboundMessage, value: CloudChangeValue): InboundMessageEvent | { ignored: string } {
  const waId = m.from;
  const userId = m.from_user_id;
  if (!waId && !userId) return { ignored: 'message_without_sender' };
  const contact = value.contacts?.find((c) => (waId && c.wa_id === waId) || (userId && c.user_id === userId));
  const base = {
    kind: 'message' as const,
    channel: 'whatsapp_cloud' as const,
    customerAddress: waId ? cloudAddress(waId) : userId!,
    platformMessageId: m.id,
    timestamp: Number(m.timestamp) * 1000,
    author: 'customer' as const,
    answerable: true,
    ...(contact?.profile?.name ? { profileName: contact.profile.name } : {}),
    ...(userId ? { platformUserId: userId } : waId ? { platformUserId: waId } : {}),
    ...(m.context?.id ? { replyToPlatformId: m.context.id } : {}),
  };
  const referral: Record<string, string> = {
    ...(m.referral?.source_type ? { referral_source_type: m.referral.source_type } : {}),
    ...(m.referral?.source_id ? { referral_source_id: m.referral.source_id } : {}),
    ...(m.context?.forwarded ? { forwarded: 'true' } : {}),
  };
  const withExtra = (e: InboundMessageEvent, extra: Record<string, string>): InboundMessageEvent => {
    const all = { ...referral, ...extra };
    return Object.keys(all).length > 0 ? { ...e, extra: all } : e;
  };

  switch (m.type) {
    case 'text':
      return withExtra({ ...base, text: m.text?.body ?? '', media: [] }, {});
    case 'image':
    case 'audio':
    case 'video':
    case 'document':
    case 'sticker': {
      const { media, caption, extra } = mediaOf(m);
      return withExtra({ ...base, ...(caption ? { text: caption } : {}), media }, extra);
    }
    case 'location': {
      const l = m.location;
      if (!l) return { ignored: 'location_without_coordinates' };
      return withExtra(
        {
          ...base,
          media: [],
          location: { latitude: l.latitude, longitude: l.longitude, ...(l.name ? { label: l.name } : {}), ...(l.address ? { address: l.address } : {}) },
        },
        {},
      );
    }
    case 'contacts': {
      const text = contactsText(m);
      return withExtra({ ...base, ...(text ? { text } : {}), media: [] }, { shared_contacts: String(m.contacts?.length ?? 0) });
    }
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      if (!reply) return { ignored: `interactive:${m.interactive?.type ?? 'unknown'}` };
      return withExtra({ ...base, text: reply.title, payload: reply.id, media: [] }, { source: m.interactive!.type });
    }
    case 'button':
      // A quick-reply button on a template.
      return withExtra(
        { ...base, text: m.button?.text ?? '', ...(m.button?.payload !== undefined ? { payload: m.button.payload } : {}), media: [] },
        { source: 'template_button' },
      );
    default:
      // reaction, system (number changed), unsupported, order, …: not handled yet, never a crash.
      return { ignored: m.type };
  }
}

function fromStatus(s: CloudStatus): ChannelEvent | { ignored: string } {
  const status = STATUS[s.status];
  if (!status) return { ignored: `status:${s.status}` };
  const error = s.errors?.[0];
  return {
    kind: 'status',
    channel: 'whatsapp_cloud',
    platformMessageId: s.id,
    status,
    timestamp: Number(s.timestamp) * 1000,
    ...(error ? { errorCode: String(error.code), errorMessage: error.error_data?.details ?? error.message ?? error.title ?? 'no details' } : {}),
  };
}

/**
 * Meta's WhatsApp Cloud API webhook body (JSON-parsed, signature already checked) → ChannelEvent[],
 * over every entry and every `messages` change, in order. Media carry `whatsapp-media:<id>` until the
 * router looks the id up. Changes for another phone number id than `opts.phoneNumberId` are skipped.
 * `onIgnored` hears about other objects, fields, numbers and message types.
 * Throws BatonError VALIDATION_FAILED naming the first missing or mistyped required field.
 */
export function parseWhatsAppCloudWebhook(
  body: unknown,
  onIgnored: (note: string) => void = () => {},
  opts: { phoneNumberId?: string } = {},
): ChannelEvent[] {
  const { object } = validatePayload(LABEL, envelopeSchema, body, []);
  if (object !== 'whatsapp_business_account') {
    onIgnored(`object:${object}`);
    return [];
  }
  const parsed = validatePayload(LABEL, businessAccountBodySchema, body, []);
  const events: ChannelEvent[] = [];
  parsed.entry.forEach((entry, i) => {
    entry.changes.forEach((change, j) => {
      const at = ['entry', i, 'changes', j, 'value'];
      if (change.field !== 'messages') {
        onIgnored(`field:${change.field}`);
        return;
      }
      const value = validatePayload(LABEL, changeValueSchema, change.value, at);
      if (opts.phoneNumberId !== undefined && value.metadata.phone_number_id !== opts.phoneNumberId) {
        // Another number of the same WhatsApp Business Account: not ours to answer.
        onIgnored('other_phone_number');
        return;
      }
      for (const e of value.errors ?? []) onIgnored(`error:${e.code}`);
      value.messages?.forEach((raw, k) => {
        const e = fromMessage(validatePayload(LABEL, inboundMessageSchema, raw, [...at, 'messages', k]), value);
        if ('ignored' in e) onIgnored(e.ignored);
        else events.push(e);
      });
      value.statuses?.forEach((raw, k) => {
        const e = fromStatus(validatePayload(LABEL, statusSchema, raw, [...at, 'statuses', k]));
        if ('ignored' in e) onIgnored(e.ignored);
        else events.push(e);
      });
    });
  });
  return events;
}
