import { z } from 'zod';

/**
 * What a fulfillment endpoint must answer (HTTP 2xx, JSON):
 *   { "text"?: string, "quickReplies"?: [{ "title", "payload" }], "handoff"?: true | { "reason"?, "team"? },
 *     "slots"?: { "name": "value" } }
 * with at least a text or a handoff. Unknown keys are ignored (endpoints may add their own).
 */
const nonEmpty = z.string().trim().min(1);

export const fulfillmentReplySchema = z
  .object({
    text: nonEmpty.max(4096).optional(),
    quickReplies: z
      .array(z.object({ title: nonEmpty.max(200), payload: nonEmpty.max(1000) }))
      .max(13)
      .optional(),
    handoff: z
      .union([z.boolean(), z.object({ reason: z.string().max(500).optional(), team: z.string().max(100).optional() })])
      .optional(),
    slots: z.record(z.string(), z.string().max(1000)).optional(),
  })
  .refine((r) => r.text !== undefined || (r.handoff !== undefined && r.handoff !== false), {
    message: 'a fulfillment reply needs a text, a handoff, or both',
  });

export type FulfillmentReply = z.infer<typeof fulfillmentReplySchema>;
