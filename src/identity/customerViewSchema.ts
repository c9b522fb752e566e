import { z } from 'zod';

/**
 * What an agent sees of a customer (GET /api/v1/customers/:id, and inside a conversation's detail),
 * as a zod schema: the OpenAPI document is generated from it. Times are ISO 8601 strings.
 */
export const customerViewSchema = z
  .object({
    id: z.string(),
    name: z.string().optional(),
    vip: z.boolean(),
    addresses: z.array(z.object({ channel: z.string(), address: z.string(), verified: z.boolean() })),
    conversations: z.array(
      z.object({ id: z.string(), channel: z.string(), status: z.string(), startedAt: z.iso.datetime(), lastMessageAt: z.iso.datetime().optional() }),
    ),
    suggestedLinks: z
      .array(z.object({ id: z.string(), otherCustomerId: z.string(), channel: z.string(), address: z.string(), evidence: z.string() }))
      .meta({ description: 'unverified hints (a number typed in a message) the agent may check and merge' }),
  })
  .meta({ id: 'Customer' });

/** A link suggestion as the API shows it (GET /customers/:id/suggestions). */
export const suggestionViewSchema = z
  .object({
    id: z.string(),
    channel: z.string(),
    address: z.string(),
    evidence: z.string().meta({ description: 'in words an agent can check: "customer typed +919876543210 on messenger"' }),
    otherCustomerId: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'LinkSuggestion' });

export const verificationStartedSchema = z
  .object({ verificationId: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'LinkVerificationStarted' });
