import { ActivityTypes, type Activity } from 'botbuilder-core';
import type { Conversation, InboundMessageEvent } from '../../conversations/types';

/** Our normalised inbound event → a Bot Framework message Activity (pure). */
export function toActivity(event: InboundMessageEvent, conversation: Conversation): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    id: event.platformMessageId,
    channelId: event.channel,
    serviceUrl: `baton://${event.channel}`,
    timestamp: new Date(event.timestamp),
    from: { id: event.customerAddress, name: event.profileName ?? conversation.customerName ?? '', role: 'user' },
    recipient: { id: 'baton-bot', name: 'Baton', role: 'bot' },
    conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
    text: event.text ?? '',
    value: event.payload ? { payload: event.payload } : undefined,
    locale: conversation.language,
    attachments: event.media.map((m) => ({ contentType: m.contentType ?? m.kind, contentUrl: m.url })),
    channelData: {
      payload: event.payload,
      location: event.location,
      mediaKinds: [...event.media.map((m) => m.kind), ...(event.location ? ['location'] : [])],
    },
  };
}

/** A bot Activity the turn produced → the reply our channels understand (pure). */
export function fromActivity(activity: Partial<Activity>): {
  text: string;
  quickReplies?: { title: string; payload: string }[];
  mediaUrl?: string;
} {
  const actions = activity.suggestedActions?.actions ?? [];
  const media = (activity.attachments ?? []).find((a) => a.contentUrl);
  return {
    text: activity.text ?? '',
    quickReplies: actions.length
      ? actions.map((a) => ({ title: String(a.title ?? a.value), payload: String(a.value ?? a.title) }))
      : undefined,
    mediaUrl: media?.contentUrl,
  };
}
