import { z } from 'zod';
import { CHANNELS, type ChannelName } from '../../conversations/types';
import { handoffPacketSchema, PRIORITIES } from '../../handoff/types';
import { customerViewSchema } from '../../identity/customerViewSchema';

/**
 * What the agent API answers, as zod schemas. Each route parses its result through its response
 * schema before sending it, so the OpenAPI document (generated from these) is what is sent.
 * The store keeps times as milliseconds since the epoch; the API shows every time as an ISO 8601
 * string in UTC (`2025-03-01T09:30:00.000Z`): the transform below is the one place that happens.
 */
export const isoTimestamp = z
  .number()
  .transform((ms) => new Date(ms).toISOString())
  .pipe(z.iso.datetime())
  .meta({ description: 'ISO 8601 date-time, UTC' });

const channel = z.enum(CHANNELS as [ChannelName, ...ChannelName[]]);
const priority = z.enum(PRIORITIES);
const conversationStatus = z.enum(['bot', 'queued', 'assigned', 'resolved']);
const author = z.enum(['customer', 'bot', 'agent', 'system']);
const deliveryStatus = z.enum(['received', 'pending', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered']);

export const windowVerdictView = z
  .object({
    allowed: z.boolean().meta({ description: 'may a free-text message go now?' }),
    humanAgentTag: z.boolean().optional().meta({ description: 'Messenger: sent with the HUMAN_AGENT tag' }),
    reason: z.string().optional(),
    code: z.enum(['WINDOW_CLOSED', 'TEMPLATE_REQUIRED', 'TEMPLATE_UNSUPPORTED']).optional(),
    closesAt: isoTimestamp.optional().meta({ description: 'when the free-text window closes' }),
    humanAgentClosesAt: isoTimestamp.optional().meta({ description: 'Messenger: when the HUMAN_AGENT window closes' }),
  })
  .meta({ id: 'WindowVerdict' });

const csatView = z.object({
  status: z.enum(['pending', 'answered', 'skipped']),
  scale: z.enum(['csat5', 'nps10']),
  score: z.number().optional(),
  comment: z.string().optional(),
  skippedReason: z.string().optional(),
  askedAt: isoTimestamp.optional(),
  answeredAt: isoTimestamp.optional(),
});

const npsView = z.object({
  status: z.enum(['pending', 'why', 'answered', 'skipped']),
  score: z.number().optional(),
  comment: z.string().optional(),
  skippedReason: z.string().optional(),
  askedAt: isoTimestamp.optional(),
  answeredAt: isoTimestamp.optional(),
});

const callDeflectionView = z.object({
  at: isoTimestamp,
  via: z.enum(['whatsapp', 'sms']),
  callSid: z.string(),
});

const conversationFields = {
  id: z.string(),
  ownerToken: z.number().int().meta({ description: 'grows on every change of owner' }),
  team: z.string().optional(),
  assigneeId: z.string().optional(),
  priority: priority.optional(),
  queuedAt: isoTimestamp.optional(),
  assignedAt: isoTimestamp.optional(),
  escalatedAt: isoTimestamp.optional(),
  escalationReason: z.string().optional(),
  firstAgentReplyAt: isoTimestamp.optional(),
  resolvedAt: isoTimestamp.optional(),
  reopenCount: z.number().int().optional(),
  customerId: z.string().optional(),
  csat: csatView.optional(),
  nps: npsView.optional(),
  callDeflection: callDeflectionView.optional(),
  channel,
  customerAddress: z.string(),
  customerName: z.string().optional(),
  platformUserId: z.string().optional(),
  status: conversationStatus,
  language: z.string().optional(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  firstInboundAt: isoTimestamp.optional(),
  lastInboundAt: isoTimestamp.optional(),
  lastMessageAt: isoTimestamp.optional(),
  lastMessagePreview: z.string().optional(),
  lastInboundPreview: z.string().optional(),
  messageCount: z.number().int(),
};

export const conversationView = z.object(conversationFields).meta({ id: 'Conversation' });

export const messageView = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    direction: z.enum(['inbound', 'outbound', 'internal']),
    author,
    agentId: z.string().optional(),
    text: z.string().optional(),
    payload: z.string().optional(),
    media: z.array(
      z.object({
        url: z.string(),
        contentType: z.string().optional(),
        kind: z.enum(['image', 'audio', 'video', 'file', 'sticker', 'location', 'other']),
      }),
    ),
    location: z
      .object({ latitude: z.number(), longitude: z.number(), address: z.string().optional(), label: z.string().optional() })
      .optional(),
    quickReplies: z.array(z.object({ title: z.string(), payload: z.string() })).optional(),
    platformMessageId: z.string().optional(),
    status: deliveryStatus,
    errorCode: z.string().optional(),
    errorMessage: z.string().optional(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    meta: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .meta({ id: 'Message' });

export const handoffPacketView = handoffPacketSchema
  .extend({
    intents: z.array(z.object({ intent: z.string(), confidence: z.number(), at: isoTimestamp })),
    answered: z.array(z.object({ intent: z.string().optional(), text: z.string(), at: isoTimestamp })),
    history: z.array(
      z.object({
        conversationId: z.string(),
        channel: z.string(),
        status: z.string(),
        startedAt: isoTimestamp,
        lastMessageAt: isoTimestamp.optional(),
        preview: z.string().optional(),
      }),
    ),
    cameFromCall: z.object({ at: isoTimestamp, via: z.enum(['whatsapp', 'sms']) }).optional(),
    crm: handoffPacketSchema.shape.crm.unwrap().extend({ fetchedAt: isoTimestamp }).optional(),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'HandoffPacket' });

export const conversationListItemView = z
  .object({
    id: z.string(),
    channel,
    customer: z.object({ id: z.string().optional(), name: z.string().optional(), address: z.string() }),
    status: conversationStatus,
    team: z.string().optional(),
    assigneeId: z.string().optional(),
    priority: priority.optional(),
    waitingSince: z.iso.datetime().optional(),
    lastMessage: z.object({ text: z.string().optional(), at: z.iso.datetime(), author: author.optional() }).optional(),
    language: z.string().optional(),
    window: windowVerdictView,
  })
  .meta({ id: 'ConversationListItem' });

export const conversationDetailView = z
  .object({
    conversation: z.object({ ...conversationFields, window: windowVerdictView }),
    packet: handoffPacketView.nullable(),
    messages: z.array(messageView),
    customer: customerViewSchema.nullable(),
  })
  .meta({ id: 'ConversationDetail' });

/** The shapes as the browser receives them (JSON, times as ISO strings). */
export type ConversationWire = z.output<typeof conversationView>;
export type MessageWire = z.output<typeof messageView>;
export type HandoffPacketWire = z.output<typeof handoffPacketView>;
export type ConversationListItemWire = z.output<typeof conversationListItemView>;
export type ConversationDetailWire = z.output<typeof conversationDetailView>;
export type WindowVerdictWire = z.output<typeof windowVerdictView>;
