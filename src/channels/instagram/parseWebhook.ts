import type { ChannelEvent, InboundMessageEvent, MediaItem, MediaKind } from '../../conversations/types';
import { validatePayload } from '../graph/validatePayload';
import { igMessageEventSchema, igPostbackEventSchema, igReadEventSchema, instagramBodySchema, type IgAttachment, type IgMessageEvent } from './schema';
import { z } from 'zod';

const LABEL = 'Instagram';
const KIND: Record<string, MediaKind> = { image: 'image', video: 'video', audio: 'audio', file: 'file' };

/** Attachments → media; a story mention is kept (kind `other`) and flagged. URLs expire: Meta serves them from its CDN. */
function mediaOf(attachments: readonly IgAttachment[]): { media: MediaItem[]; storyMention: boolean } {
  const media: MediaItem[] = [];
  let storyMention = false;
  for (const a of attachments) {
    if (a.type === 'story_mention') storyMention = true;
    const url = a.payload?.url;
    if (!url) continue;
    media.push({ url, kind: KIND[a.type] ?? 'other' });
  }
  return { media, storyMention };
}

function withExtra(e: InboundMessageEvent, extra: Record<string, string>): InboundMessageEvent {
  return Object.keys(extra).length > 0 ? { ...e, extra } : e;
}

function fromMessage(e: IgMessageEvent, entryTime: number): ChannelEvent | { ignored: string } {
  const m = e.message;
  const timestamp = e.timestamp ?? entryTime;
  // Echoes of what the account sent (Baton or the Instagram app): never answered, never a new customer message.
  if (m.is_echo === true) return { kind: 'echo', channel: 'instagram', customerAddress: e.recipient.id, platformMessageId: m.mid, timestamp };
  if (m.is_deleted === true) return { ignored: 'deleted_message' };
  const { media, storyMention } = mediaOf(m.attachments ?? []);
  const story = m.reply_to?.story;
  if (story?.url && !media.some((x) => x.url === story.url)) media.push({ url: story.url, kind: 'other' });
  return withExtra(
    {
      kind: 'message',
      channel: 'instagram',
      customerAddress: e.sender.id,
      platformMessageId: m.mid,
      timestamp,
      author: 'customer',
      ...(m.text !== undefined ? { text: m.text } : {}),
      ...(m.quick_reply ? { payload: m.quick_reply.payload } : {}),
      media,
      ...(m.reply_to?.mid ? { replyToPlatformId: m.reply_to.mid } : {}),
      answerable: true,
    },
    {
      ...(story ? { story_reply: 'true', story_id: story.id } : {}),
      ...(storyMention ? { story_mention: 'true' } : {}),
      ...(m.is_unsupported ? { unsupported: 'true' } : {}),
    },
  );
}

const KNOWN = ['message', 'postback', 'read'] as const;

/**
 * Instagram's messaging webhook body (JSON-parsed, signature checked) → ChannelEvent[]: text, media,
 * story replies and mentions, quick replies, postbacks (icebreakers, buttons) and read receipts.
 * Other objects and event kinds (reactions, referrals, seen-by-others) are reported to `onIgnored`.
 */
export function parseInstagramWebhook(body: unknown, onIgnored: (note: string) => void = () => {}): ChannelEvent[] {
  const { object } = validatePayload(LABEL, z.object({ object: z.string() }), body, []);
  if (object !== 'instagram') {
    onIgnored(`object:${object}`);
    return [];
  }
  const parsed = validatePayload(LABEL, instagramBodySchema, body, []);
  const events: ChannelEvent[] = [];
  parsed.entry.forEach((entry, i) => {
    entry.messaging?.forEach((raw, j) => {
      const at = ['entry', i, 'messaging', j];
      const kind = KNOWN.find((k) => raw[k] !== undefined);
      if (kind === 'message') {
        const e = fromMessage(validatePayload(LABEL, igMessageEventSchema, raw, at), entry.time);
        if ('ignored' in e) onIgnored(e.ignored);
        else events.push(e);
      } else if (kind === 'postback') {
        const e = validatePayload(LABEL, igPostbackEventSchema, raw, at);
        const timestamp = e.timestamp ?? entry.time;
        events.push({
          kind: 'message',
          channel: 'instagram',
          customerAddress: e.sender.id,
          platformMessageId: e.postback.mid ?? `postback:${e.sender.id}:${timestamp}`,
          timestamp,
          author: 'customer',
          ...(e.postback.title !== undefined ? { text: e.postback.title } : {}),
          payload: e.postback.payload,
          media: [],
          answerable: true,
          extra: { source: 'postback' },
        });
      } else if (kind === 'read') {
        const e = validatePayload(LABEL, igReadEventSchema, raw, at);
        events.push({ kind: 'status', channel: 'instagram', platformMessageId: e.read.mid, status: 'read', timestamp: e.timestamp ?? entry.time });
      } else {
        onIgnored(Object.keys(raw).find((k) => k !== 'sender' && k !== 'recipient' && k !== 'timestamp') ?? 'empty_event');
      }
    });
  });
  return events;
}
