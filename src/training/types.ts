import { z } from 'zod';

/**
 * The training inbox's records. Review items hold the customer's words (customer content): they are
 * stored, shown to reviewers and re-scored, and never logged.
 */

/** Why a message reached the review list. */
export const REVIEW_REASONS = ['fallback', 'declined_clarification', 'escalation', 'agent_answered'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const suggestionSchema = z.object({ intent: z.string(), confidence: z.number() });
export type Suggestion = z.infer<typeof suggestionSchema>;

export const reviewItemSchema = z.object({
  /** The customer message's id: one item per message, whatever the number of reasons. */
  id: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  text: z.string(),
  /** The message's detected language (the conversation's when the detector was unsure). */
  lang: z.string(),
  reasons: z.array(z.enum(REVIEW_REASONS)).min(1),
  /** The classifier's top candidates when the item was recorded, best first. */
  suggestions: z.array(suggestionSchema),
  createdAt: z.number(),
  status: z.enum(['pending', 'accepted', 'dismissed']),
  decision: z
    .object({
      /** The intent the example joined (accepted). */
      intent: z.string().optional(),
      by: z.string(),
      at: z.number(),
    })
    .optional(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** An example a reviewer added to the catalog, kept in the overlay. */
export const overlayExampleSchema = z.object({
  id: z.string(),
  intent: z.string(),
  lang: z.string(),
  text: z.string(),
  acceptedBy: z.string(),
  acceptedAt: z.number(),
  /** The review item it came from. */
  itemId: z.string().optional(),
});
export type OverlayExample = z.infer<typeof overlayExampleSchema>;

/** A new intent a reviewer proposed from a cluster of similar messages, kept in the overlay. */
export const overlayIntentSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  /** The answer in the catalog's default language. */
  answer: z.string(),
  team: z.string().optional(),
  examples: z.record(z.string(), z.array(z.string())),
  createdBy: z.string(),
  createdAt: z.number(),
});
export type OverlayIntent = z.infer<typeof overlayIntentSchema>;

export interface Overlay {
  examples: OverlayExample[];
  intents: OverlayIntent[];
}

/** What the last change to the overlay did to the messages of the last 30 days. */
export const impactSchema = z.object({
  version: z.number().int(),
  /** Review items of the period (any status) re-scored. */
  scored: z.number().int(),
  /** How many the model before the change answered (confidence at or above the answer threshold). */
  answeredBefore: z.number().int(),
  /** How many the model after the change answers. */
  answeredAfter: z.number().int(),
  at: z.number(),
});
export type ImpactReport = z.infer<typeof impactSchema>;
