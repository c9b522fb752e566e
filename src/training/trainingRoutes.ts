import { z } from 'zod';
import { route, type RouteSpec } from '../inbox/api/route';
import { idParams, idSchema } from '../inbox/api/schemas';
import { isoTimestamp } from '../inbox/api/views';
import { INTENT_ID_PATTERN } from '../nlu/catalog/schema';
import type { TrainingService } from './trainingService';
import { REVIEW_REASONS } from './types';

/**
 * The training inbox for admins (the reviewers), mounted with the agent API at /api/v1: the messages
 * the bot could not place with suggested intents; accept one in a click, pick another intent,
 * propose a new intent from a cluster, dismiss; the overlay (who added what, when) and its export.
 */

const suggestionView = z.object({ intent: z.string(), confidence: z.number() });

const reviewItemView = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    channel: z.string(),
    text: z.string().describe("The customer's words"),
    lang: z.string().describe("The message's detected language: an accepted example joins the catalog in it"),
    reasons: z.array(z.enum(REVIEW_REASONS)),
    suggestions: z.array(suggestionView).describe("The classifier's top candidates when the message came in, best first"),
    createdAt: isoTimestamp,
    status: z.enum(['pending', 'accepted', 'dismissed']),
    now: z.object({ intent: z.string().nullable(), confidence: z.number(), answered: z.boolean() }).describe('What the model serving now does with the message'),
  })
  .meta({ id: 'TrainingItem' });

const impactView = z
  .object({
    version: z.number().int(),
    scored: z.number().int(),
    answeredBefore: z.number().int(),
    answeredAfter: z.number().int(),
    at: isoTimestamp,
  })
  .meta({ id: 'TrainingImpact', description: 'The last change: of the review items of the last 30 days, how many the bot answered before and answers after it' });

const listView = z.object({
  items: z.array(reviewItemView),
  pendingTotal: z.number().int(),
  clusters: z.array(z.object({ itemIds: z.array(z.string()), sharedWords: z.array(z.string()), languages: z.array(z.string()) })),
  lastThirtyDays: z.object({ scored: z.number().int(), answeredNow: z.number().int() }),
  impact: impactView.nullable(),
  overlayVersion: z.number().int(),
  servedVersion: z.number().int().describe('The overlay version this instance serves; behind overlayVersion while it retrains'),
  intents: z.array(z.string()).describe('The intents a reviewer may pick'),
});

const exampleView = z
  .object({ id: z.string(), intent: z.string(), lang: z.string(), text: z.string(), acceptedBy: z.string(), acceptedAt: isoTimestamp, itemId: z.string().optional() })
  .meta({ id: 'TrainingExample' });

const proposedIntentView = z
  .object({
    id: z.string(),
    title: z.string().optional(),
    answer: z.string(),
    team: z.string().optional(),
    examples: z.record(z.string(), z.array(z.string())),
    createdBy: z.string(),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'TrainingIntent' });

const intentId = z.string().regex(INTENT_ID_PATTERN, { message: 'an intent id: lowercase letters, digits and _, starting with a letter' }).max(64);

const acceptBody = z.object({ intent: intentId.optional().describe('Another intent than the top suggestion') }).strict();

const proposeBody = z
  .object({
    id: intentId,
    title: z.string().trim().min(1).max(100).optional(),
    answer: z.string().trim().min(1, { message: 'the new intent needs an answer' }).max(2000).describe("The answer, in the catalog's default language"),
    team: z.string().regex(/^[a-z][a-z0-9_-]*$/).max(64).optional(),
    itemIds: z.array(idSchema).min(1, { message: 'pick at least one message' }).max(100),
  })
  .strict();

export function trainingRoutes(training: TrainingService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/training/items',
      tag: 'training',
      access: 'admin',
      summary: 'Messages the bot could not place, with suggested intents, clusters of similar ones, and what the last change would now answer',
      response: { description: 'The pending review items (oldest first, at most 500) and the figures', schema: listView },
      handle: async () => training.list(),
    }),
    route({
      method: 'post',
      path: '/training/items/:id/accept',
      tag: 'training',
      access: 'admin',
      summary: "Adds the message to the catalog as an example of its top suggestion (or of `intent`), in the message's language",
      description: 'The example passes the same rules as a hand edit of the catalog files; every instance serves it after retraining (a second or two).',
      params: idParams,
      body: acceptBody,
      errors: ['CONFLICT'],
      response: { description: 'The example and the overlay version that holds it', schema: z.object({ example: exampleView, version: z.number().int() }) },
      handle: async ({ params, body, caller }) => training.accept(params.id, caller, body.intent),
    }),
    route({
      method: 'post',
      path: '/training/items/:id/dismiss',
      tag: 'training',
      access: 'admin',
      summary: 'Removes the message from the review list without teaching anything',
      params: idParams,
      errors: ['CONFLICT'],
      status: 204,
      response: { description: 'Dismissed' },
      handle: async ({ params, caller }) => training.dismiss(params.id, caller),
    }),
    route({
      method: 'post',
      path: '/training/intents',
      tag: 'training',
      access: 'admin',
      summary: 'Proposes a new intent whose examples are the given pending messages (a cluster), each in its language',
      body: proposeBody,
      errors: ['CONFLICT'],
      status: 201,
      response: { description: 'The new intent and the overlay version that holds it', schema: z.object({ intent: proposedIntentView, version: z.number().int() }) },
      handle: async ({ body, caller }) => training.propose(body, caller),
    }),
    route({
      method: 'get',
      path: '/training/examples',
      tag: 'training',
      access: 'admin',
      summary: 'The catalog overlay: accepted examples and proposed intents, with who added them and when',
      response: {
        description: 'The overlay, oldest first',
        schema: z.object({ version: z.number().int(), examples: z.array(exampleView), intents: z.array(proposedIntentView) }),
      },
      handle: async () => training.overlay(),
    }),
    route({
      method: 'get',
      path: '/training/export',
      tag: 'training',
      access: 'admin',
      summary: "The brand's catalog files the overlay changes, with the overlay written in, as YAML to commit to the brand's repository",
      errors: ['CONFLICT'],
      response: {
        description: 'Each changed (or added) file, by name, with its full YAML',
        schema: z.object({ version: z.number().int(), files: z.array(z.object({ name: z.string(), content: z.string() })) }),
      },
      handle: async () => training.exportFiles(),
    }),
  ];
}
