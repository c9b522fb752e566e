import { z } from 'zod';
import { CHANNELS, type ChannelName } from '../../conversations/types';
import { BatonError } from '../../errors';
import { languageTagSchema, PRIORITIES } from '../../handoff/types';
import { canSeeConversation } from '../../handoff/teamAccess';
import type { ConversationActions } from '../contracts';
import { route, type RouteSpec } from './route';
import { idSchema, itemsOf, teamIdSchema } from './schemas';
import { conversationDetailView, conversationListItemView, conversationView, messageView } from './views';

const conversationParams = z.object({ id: idSchema });

const listQuery = z
  .object({
    status: z.enum(['bot', 'queued', 'assigned', 'resolved']).optional(),
    team: teamIdSchema.optional(),
    assignee: z.union([z.literal('me'), idSchema]).optional().meta({ description: 'an agent id, or `me` for the caller' }),
    channel: z.enum(CHANNELS as [ChannelName, ...ChannelName[]]).optional(),
    language: languageTagSchema.optional().meta({ description: 'the conversation\'s language tag (en, hi, hi-Latn, ur, ne)' }),
    priority: z.enum(PRIORITIES).optional().meta({ description: 'a conversation without a priority counts as normal' }),
    waitingOver: z.coerce.number().int().min(0).max(7 * 24 * 3600).optional().meta({ description: 'queued and waiting at least this many seconds' }),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

const replyBody = z
  .object({
    text: z.string().trim().min(1).max(4096).optional(),
    template: z
      .object({
        name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'template names: lower-case letters, digits, _' }),
        variables: z.record(z.string().max(64), z.string().max(1024)).optional(),
      })
      .strict()
      .optional(),
    mediaUrl: z.url({ protocol: /^https$/, message: 'must be an https:// URL' }).optional(),
    uploadId: z.string().regex(/^up_[a-z0-9_]{1,60}$/, { message: 'not an upload id (from POST /conversations/{id}/uploads)' }).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.template !== undefined ? b.text !== undefined || b.uploadId !== undefined : b.text === undefined && b.uploadId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'give text (and/or an uploadId), or a template' });
    }
  })
  .meta({ description: 'Text (with an optional https `mediaUrl` or an `uploadId` of this conversation), an `uploadId` alone, or a `template`.' });

const noteBody = z.object({ text: z.string().trim().min(1).max(4096) }).strict();

const transferBody = z
  .object({ team: teamIdSchema.optional(), agentId: idSchema.optional(), note: z.string().trim().max(1000).optional() })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.team === undefined) === (b.agentId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['team'], message: 'give exactly one of team or agentId' });
    }
  })
  .meta({ description: 'Exactly one of `team` or `agentId`.' });


/** The conversation endpoints only validate and delegate: the handoff core decides, changes state and audits. */
export function conversationRoutes(actions: ConversationActions): RouteSpec[] {
  const action = (
    path: string,
    summary: string,
    run: (id: string, caller: Parameters<ConversationActions['claim']>[1]) => Promise<unknown>,
  ): RouteSpec =>
    route({
      method: 'post',
      path: `/conversations/:id/${path}`,
      tag: 'conversations',
      access: 'agent',
      scope: 'conversation',
      summary,
      params: conversationParams,
      response: { description: 'The conversation after the change', schema: conversationView },
      errors: ['NOT_OWNER', 'CONFLICT'],
      handle: ({ params, caller }) => run(params.id, caller),
    });

  return [
    route({
      method: 'get',
      path: '/conversations',
      tag: 'conversations',
      access: 'agent',
      summary: 'List conversations (queue, mine, resolved…)',
      query: listQuery,
      response: { description: 'Matching conversations', schema: itemsOf(conversationListItemView) },
      handle: async ({ query, caller }) => {
        const { assignee, waitingOver, ...rest } = query;
        if (query.team && caller.role !== 'admin' && !caller.teams.includes(query.team)) {
          throw new BatonError('FORBIDDEN', `You are not in the team ${query.team}`);
        }
        const items = await actions.list(
          {
            ...rest,
            ...(assignee ? { assignee: assignee === 'me' ? caller.id : assignee } : {}),
            ...(waitingOver !== undefined ? { waitingOverMs: waitingOver * 1000 } : {}),
            visible: (c) => canSeeConversation(caller, c),
          },
          caller,
        );
        return { items };
      },
    }),
    route({
      method: 'get',
      path: '/conversations/:id',
      tag: 'conversations',
      access: 'agent',
      scope: 'conversation',
      summary: 'A conversation with its handoff packet, transcript and customer',
      params: conversationParams,
      response: { description: 'The conversation', schema: conversationDetailView },
      handle: ({ params, caller }) => actions.detail(params.id, caller),
    }),
    action('claim', 'Take a queued conversation', (id, caller) => actions.claim(id, caller)),
    route({
      method: 'post',
      path: '/conversations/:id/messages',
      tag: 'conversations',
      access: 'agent',
      scope: 'conversation',
      summary: 'Reply to the customer (free text inside the window, or an approved template)',
      params: conversationParams,
      body: replyBody,
      status: 201,
      response: { description: 'The message, queued for sending', schema: messageView },
      errors: ['NOT_OWNER', 'CONFLICT', 'WINDOW_CLOSED', 'TEMPLATE_UNKNOWN', 'CHANNEL_DISABLED'],
      handle: ({ params, body, caller }) =>
        actions.reply(params.id, caller, {
          ...(body.text !== undefined ? { text: body.text } : {}),
          ...(body.template !== undefined ? { template: body.template } : {}),
          ...(body.mediaUrl !== undefined ? { mediaUrl: body.mediaUrl } : {}),
          ...(body.uploadId !== undefined ? { uploadId: body.uploadId } : {}),
        }),
    }),
    route({
      method: 'post',
      path: '/conversations/:id/notes',
      tag: 'conversations',
      access: 'agent',
      scope: 'conversation',
      summary: 'Add a private note (never sent to the customer)',
      params: conversationParams,
      body: noteBody,
      status: 201,
      response: { description: 'The note', schema: messageView },
      handle: ({ params, body, caller }) => actions.note(params.id, caller, body.text),
    }),
    route({
      method: 'post',
      path: '/conversations/:id/transfer',
      tag: 'conversations',
      access: 'agent',
      scope: 'conversation',
      summary: 'Transfer to another team or agent',
      params: conversationParams,
      body: transferBody,
      response: { description: 'The conversation after the transfer', schema: conversationView },
      errors: ['NOT_OWNER', 'CONFLICT'],
      handle: ({ params, body, caller }) =>
        actions.transfer(params.id, caller, {
          ...(body.team !== undefined ? { team: body.team } : {}),
          ...(body.agentId !== undefined ? { agentId: body.agentId } : {}),
          ...(body.note !== undefined ? { note: body.note } : {}),
        }),
    }),
    action('handback', 'Give the conversation back to the bot', (id, caller) => actions.handback(id, caller)),
    action('resolve', 'Resolve the conversation', (id, caller) => actions.resolve(id, caller)),
  ];
}
