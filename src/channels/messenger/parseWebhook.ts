import type { z } from 'zod';
import { BatonError } from '../../errors';
import type { ChannelEvent, InboundMessageEvent } from '../../conversations/types';
import { attachmentsToMedia } from './attachmentMedia';
import { isOwnMetadata } from './ownMetadata';
import {
  deliveryEventSchema,
  envelopeSchema,
  messageEventSchema,
  pageBodySchema,
  postbackEventSchema,
  readEventSchema,
  type DeliveryEvent,
  type MessageEvent,
  type PostbackEvent,
  type ReadEvent,
} from './schema';

/** The app id Meta's Page Inbox (Business Suite) sends with: a human agent typed it there. */
export const PAGE_INBOX_APP_ID = '263902037430900';

/** Why something in a valid payload produced no event: `object:instagram`, `referral`, `pass_thread_control`, … */
export type IgnoredNote = string;

type Path = (string | number)[];

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

function validate<S extends z.ZodType>(schema: S, value: unknown, at: Path): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = formatPath([...at, ...(issue?.path ?? [])]) || 'body';
  throw new BatonError(
    'VALIDATION_FAILED',
    `Messenger webhook payload is invalid at ${field}: ${issue?.message ?? 'unexpected shape'}`,
    { field },
  );
}

interface EventContext {
  /** Entry time, for events that carry no timestamp of their own. */
  entryTime: number;
  /** False for `standby` events: recorded, never answered. */
  answerable: boolean;
  at: Path;
}

const KNOWN_KINDS = ['message', 'postback', 'delivery', 'read'] as const;
type KnownKind = (typeof KNOWN_KINDS)[number];

/** Which event this is, from the one field that names it (sender/recipient/timestamp aside). */
function eventKind(raw: Record<string, unknown>): KnownKind | { ignored: string } {
  for (const k of KNOWN_KINDS) if (raw[k] !== undefined) return k;
  const named = Object.keys(raw).find((k) => k !== 'sender' && k !== 'recipient' && k !== 'timestamp');
  return { ignored: named ?? 'empty_event' };
}

function standbyExtra(ctx: EventContext): Record<string, string> {
  return ctx.answerable ? {} : { standby: 'true' };
}

function withExtra(event: InboundMessageEvent, extra: Record<string, string>): InboundMessageEvent {
  return Object.keys(extra).length > 0 ? { ...event, extra } : event;
}

function fromMessage(e: MessageEvent, ctx: EventContext): ChannelEvent {
  const m = e.message;
  const timestamp = e.timestamp ?? ctx.entryTime;

  if (m.is_echo === true) {
    const customerAddress = e.recipient.id;
    if (isOwnMetadata(m.metadata)) {
      return { kind: 'echo', channel: 'messenger', customerAddress, platformMessageId: m.mid, timestamp };
    }
    // Someone else wrote from the Page: a human in Page Inbox or another app. Record it, never answer it.
    const appId = m.app_id === undefined ? undefined : String(m.app_id);
    const { media, location } = attachmentsToMedia(m.attachments ?? []);
    return withExtra(
      {
        kind: 'message',
        channel: 'messenger',
        customerAddress,
        platformMessageId: m.mid,
        timestamp,
        author: 'agent',
        ...(m.text !== undefined ? { text: m.text } : {}),
        media,
        ...(location ? { location } : {}),
        answerable: false,
      },
      {
        ...standbyExtra(ctx),
        ...(appId ? { app_id: appId } : {}),
        sent_from: appId === PAGE_INBOX_APP_ID ? 'page_inbox' : 'other_app',
      },
    );
  }

  const { media, location } = attachmentsToMedia(m.attachments ?? []);
  const stickerId = m.sticker_id ?? m.attachments?.find((a) => a.payload?.sticker_id !== undefined)?.payload?.sticker_id;
  return withExtra(
    {
      kind: 'message',
      channel: 'messenger',
      customerAddress: e.sender.id,
      platformMessageId: m.mid,
      timestamp,
      author: 'customer',
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.quick_reply ? { payload: m.quick_reply.payload } : {}),
      media,
      ...(location ? { location } : {}),
      ...(m.reply_to ? { replyToPlatformId: m.reply_to.mid } : {}),
      answerable: ctx.answerable,
    },
    { ...standbyExtra(ctx), ...(stickerId !== undefined ? { sticker_id: String(stickerId) } : {}) },
  );
}

function fromPostback(e: PostbackEvent, ctx: EventContext): InboundMessageEvent {
  const p = e.postback;
  const timestamp = e.timestamp ?? ctx.entryTime;
  return withExtra(
    {
      kind: 'message',
      channel: 'messenger',
      customerAddress: e.sender.id,
      // Postbacks from older clients carry no mid: a stable synthetic id still de-duplicates retries.
      platformMessageId: p.mid ?? `postback:${e.sender.id}:${timestamp}`,
      timestamp,
      author: 'customer',
      ...(p.title !== undefined ? { text: p.title } : {}),
      payload: p.payload,
      media: [],
      answerable: ctx.answerable,
    },
    {
      ...standbyExtra(ctx),
      source: 'postback',
      ...(p.referral?.ref !== undefined ? { referral_ref: p.referral.ref } : {}),
      ...(p.referral?.source !== undefined ? { referral_source: p.referral.source } : {}),
    },
  );
}

function fromDelivery(e: DeliveryEvent): ChannelEvent {
  return {
    kind: 'watermark',
    channel: 'messenger',
    customerAddress: e.sender.id,
    status: 'delivered',
    watermark: e.delivery.watermark,
    ...(e.delivery.mids && e.delivery.mids.length > 0 ? { platformMessageIds: e.delivery.mids } : {}),
  };
}

function fromRead(e: ReadEvent): ChannelEvent {
  return {
    kind: 'watermark',
    channel: 'messenger',
    customerAddress: e.sender.id,
    status: 'read',
    watermark: e.read.watermark,
  };
}

function parseEvent(raw: Record<string, unknown>, ctx: EventContext, ignore: (note: IgnoredNote) => void): ChannelEvent[] {
  const kind = eventKind(raw);
  switch (kind) {
    case 'message':
      return [fromMessage(validate(messageEventSchema, raw, ctx.at), ctx)];
    case 'postback':
      return [fromPostback(validate(postbackEventSchema, raw, ctx.at), ctx)];
    case 'delivery':
      return [fromDelivery(validate(deliveryEventSchema, raw, ctx.at))];
    case 'read':
      return [fromRead(validate(readEventSchema, raw, ctx.at))];
    default:
      // referrals, handovers, optins, reactions, …: not handled yet, never a crash.
      ignore(kind.ignored);
      return [];
  }
}

/**
 * Meta's Messenger webhook body (already JSON-parsed, signature already checked) → ChannelEvent[],
 * over every entry and every `messaging` / `standby` event, in order.
 * A body for another `object` (instagram, whatsapp_business_account, …) yields no events;
 * `onIgnored` hears about that and about every event kind not handled yet.
 * Throws BatonError VALIDATION_FAILED naming the first missing or mistyped required field.
 */
export function parseMessengerWebhook(body: unknown, onIgnored: (note: IgnoredNote) => void = () => {}): ChannelEvent[] {
  const { object } = validate(envelopeSchema, body, []);
  if (object !== 'page') {
    onIgnored(`object:${object}`);
    return [];
  }
  const page = validate(pageBodySchema, body, []);
  const events: ChannelEvent[] = [];
  page.entry.forEach((entry, i) => {
    const lists = [
      ['messaging', entry.messaging, true],
      ['standby', entry.standby, false],
    ] as const;
    for (const [name, list, answerable] of lists) {
      list?.forEach((raw, j) => {
        events.push(...parseEvent(raw, { entryTime: entry.time, answerable, at: ['entry', i, name, j] }, onIgnored));
      });
    }
  });
  return events;
}
