import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { ConversationStore } from '../../conversations/conversationStore';
import type { ChannelEvent, Conversation, Message } from '../../conversations/types';
import { BatonError } from '../../errors';

const customerId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w.@+-]+$/, { message: 'use letters, digits and . _ - @ + only' });

export const sandboxMessageSchema = z
  .object({
    from: customerId,
    text: z.string().max(4096).optional(),
    payload: z.string().max(1000).optional(),
    name: z.string().min(1).max(100).optional(),
    /** Your own id for the message: sending the same id twice is answered once. */
    messageId: z.string().min(1).max(100).optional(),
    /** Wait up to this many ms for the bot's replies and return them (0 = return at once). */
    wait: z.number().int().min(0).max(10000).default(3000),
  })
  .strict()
  .refine((b) => (b.text !== undefined && b.text.trim() !== '') || b.payload !== undefined, {
    message: 'send a non-empty text or a payload',
    path: ['text'],
  });

export interface SandboxRouterDeps {
  store: ConversationStore;
  ingest: (events: ChannelEvent[], ctx: { requestId: string }) => Promise<void>;
  /** True when this customer's lane has nothing left to handle. */
  laneIdle: (lane: string) => Promise<boolean>;
  maxBodyBytes: number;
  /** Stamps the customer's messages (the runtime's clock: tests and demos move it); waiting uses real time. */
  clock?: () => number;
}

/** A message as the customer's phone shows it: no agent ids, no platform ids, no meta. */
const publicMessage = (m: Message) => ({
  id: m.id,
  direction: m.direction,
  author: m.author,
  text: m.text,
  quickReplies: m.quickReplies,
  media: m.media.map((x) => ({ url: x.url, kind: x.kind, ...(x.contentType ? { contentType: x.contentType } : {}) })),
  status: m.status,
  createdAt: new Date(m.createdAt).toISOString(),
});

/** What a customer can see: what they sent and what was sent to them; never private notes or system events. */
export const customerCanSee = (m: Message): boolean => m.direction !== 'internal';

/** The conversation as the customer knows it: no team, agent, ownership token, escalation or survey internals. */
const publicConversation = (c: Conversation) => ({
  id: c.id,
  status: c.status,
  ...(c.language ? { language: c.language } : {}),
  startedAt: new Date(c.createdAt).toISOString(),
});

/**
 * A channel with no platform behind it, for trying Baton and for end-to-end tests:
 *   POST /sandbox/messages {from, text}  → the bot's replies (waits up to `wait` ms)
 *   GET  /sandbox/conversations/:from    → the transcript as the customer sees it (no private notes,
 *                                          no internal fields)
 */
export function createSandboxRouter(deps: SandboxRouterDeps): Router {
  const router = express.Router();
  router.use(express.json({ limit: deps.maxBodyBytes, strict: true, type: () => true }));

  router.post('/messages', async (req, res) => {
    if (!req.is('application/json')) throw new BatonError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON with Content-Type: application/json');
    const body = sandboxMessageSchema.parse(req.body);
    const platformMessageId = body.messageId ?? `sbin_${randomUUID()}`;
    const startedAt = Date.now();
    const sentAt = deps.clock?.() ?? startedAt;
    await deps.ingest(
      [
        {
          kind: 'message',
          channel: 'sandbox',
          customerAddress: body.from,
          platformMessageId,
          timestamp: sentAt,
          author: 'customer',
          text: body.text,
          payload: body.payload,
          media: [],
          profileName: body.name,
          answerable: true,
        },
      ],
      { requestId: String(res.locals.requestId) },
    );
    const lane = `sandbox:${body.from}`;
    const deadline = startedAt + body.wait;
    while (body.wait > 0 && Date.now() < deadline && !(await deps.laneIdle(lane))) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const conversation = await deps.store.findByAddress('sandbox', body.from);
    const messages = conversation ? await deps.store.listMessages(conversation.id, { limit: 50 }) : [];
    const mine = messages.find((m) => m.platformMessageId === platformMessageId);
    const replies = mine ? messages.filter((m) => customerCanSee(m) && m.direction === 'outbound' && m.createdAt >= mine.createdAt) : [];
    res.status(mine ? 200 : 202).json({
      conversationId: conversation?.id ?? null,
      status: conversation?.status ?? 'bot',
      language: conversation?.language ?? null,
      replies: replies.map(publicMessage),
      ...(mine ? {} : { note: 'still being handled; read the replies with GET /sandbox/conversations/' + body.from }),
    });
  });

  router.get('/conversations/:from', async (req, res) => {
    const from = customerId.parse(req.params.from);
    const conversation = await deps.store.findByAddress('sandbox', from);
    if (!conversation) throw new BatonError('NOT_FOUND', `No sandbox conversation for ${from} yet: POST /sandbox/messages first`);
    const messages = await deps.store.listMessages(conversation.id);
    res.json({ conversation: publicConversation(conversation), messages: messages.filter(customerCanSee).map(publicMessage) });
  });

  return router;
}
