import { z } from 'zod';
import { BatonError } from '../../errors';
import { deliveryErrorWords } from '../../outbound/deliveryErrorWords';
import type { OutboundService } from '../../outbound/outboundService';
import type { InboxServices } from '../services';
import { route, type RouteSpec } from './route';
import { idSchema } from './schemas';
import { isoTimestamp, messageView } from './views';

/**
 * Sends that failed for good (refused by the platform, or still failing when the retry window ran
 * out): admins list them, send one again (the channel window is checked again) or discard it.
 */

const listQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Only dead letters older than this (ms): the `at` of the last item of the previous page. */
    before: z.coerce.number().int().positive().optional(),
  })
  .strict();

const messageParams = z.object({ messageId: idSchema });
const conversationMessageParams = z.object({ id: idSchema, messageId: idSchema });

const deadLetterView = z
  .object({
    messageId: z.string(),
    conversationId: z.string(),
    channel: z.string(),
    author: z.string(),
    code: z.string().describe("The platform's error code (Twilio 63016, Graph 10:2018278) or a transport code (TIMEOUT, HTTP_500)"),
    reason: z.string(),
    explanation: z.string().optional().describe('What the code means, in words an agent can act on'),
    attempts: z.number().int(),
    unreconciled: z.boolean().describe('The send may have reached the customer: its result could not be checked'),
    at: isoTimestamp,
  })
  .meta({ id: 'DeadLetter' });


export function deadLetterRoutes(s: InboxServices, outbound: OutboundService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/dead-letters',
      tag: 'dead-letters',
      access: 'admin',
      summary: 'Sends that failed for good, newest first',
      query: listQuery,
      response: { description: 'Dead letters and how many there are in all', schema: z.object({ items: z.array(deadLetterView), total: z.number().int() }) },
      handle: async ({ query }) => {
        const { items, total } = await outbound.deadLetters({ limit: query.limit, before: query.before });
        return {
          total,
          items: items.map((d) => ({
            messageId: d.messageId,
            conversationId: d.conversationId,
            channel: d.channel,
            author: d.author,
            code: d.code,
            reason: d.reason,
            ...(deliveryErrorWords(d.code) ? { explanation: deliveryErrorWords(d.code) } : {}),
            attempts: d.attempts,
            unreconciled: d.unreconciled === true,
            at: d.at,
          })),
        };
      },
    }),
    route({
      method: 'post',
      path: '/dead-letters/:messageId/retry',
      tag: 'dead-letters',
      access: 'admin',
      summary: 'Send a dead letter again, behind the conversation\'s other waiting messages (422 WINDOW_CLOSED when the channel no longer allows it)',
      params: messageParams,
      response: { description: 'The message, sent or pending again', schema: messageView },
      handle: async ({ params, caller }) => {
        const message = await outbound.retryDeadLetter(params.messageId);
        await s.audit.record({ actor: caller.id, action: 'deadletter.retry', target: `message:${params.messageId}`, details: { status: message.status } });
        return message;
      },
    }),
    route({
      method: 'post',
      path: '/conversations/:id/messages/:messageId/retry',
      tag: 'conversations',
      access: 'agent',
      scope: 'conversation',
      summary: "Send a failed message of this conversation again (agents of the conversation's team, or admins)",
      description: 'The message must be a dead letter of this conversation. The channel window is checked again: 422 WINDOW_CLOSED when it no longer allows the message.',
      params: conversationMessageParams,
      response: { description: 'The message, sent or pending again', schema: messageView },
      errors: ['WINDOW_CLOSED', 'CONFLICT'],
      handle: async ({ params, caller }) => {
        const entry = await outbound.dead.get(params.messageId);
        if (!entry || entry.conversationId !== params.id) {
          throw new BatonError('NOT_FOUND', `Message ${params.messageId} is not a failed message of conversation ${params.id} that can be sent again`);
        }
        const message = await outbound.retryDeadLetter(params.messageId);
        await s.audit.record({ actor: caller.id, action: 'deadletter.retry', target: `message:${params.messageId}`, details: { status: message.status, conversationId: params.id } });
        await s.bus.publish({ type: 'message.status', conversationId: params.id, messageId: message.id, status: message.status, ...(message.errorCode ? { errorCode: message.errorCode } : {}) });
        return message;
      },
    }),
    route({
      method: 'delete',
      path: '/dead-letters/:messageId',
      tag: 'dead-letters',
      access: 'admin',
      summary: 'Discard a dead letter (the message stays failed on the transcript)',
      params: messageParams,
      status: 204,
      response: { description: 'Discarded' },
      handle: async ({ params, caller }) => {
        await outbound.discardDeadLetter(params.messageId);
        await s.audit.record({ actor: caller.id, action: 'deadletter.discard', target: `message:${params.messageId}` });
        return undefined;
      },
    }),
  ];
}
