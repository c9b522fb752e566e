import { z } from 'zod';
import { FACT_KINDS } from '../nlu/facts/types';

/**
 * The fact sheet of a conversation: every order number, e-mail, phone, product, date and amount
 * the customer wrote, whoever owned the conversation at the time. One entry per (kind, normalised
 * value), the newest mention wins; read newest first.
 */
export const factSchema = z.object({
  kind: z.enum(FACT_KINDS),
  value: z.string().min(1).max(512),
  /** False for a wrong-format candidate (SG-4829, a phone number with a digit missing). */
  verified: z.boolean(),
  /** The transcript message it was read from. */
  messageId: z.string().min(1),
  /** When that message was written, ISO 8601. */
  at: z.iso.datetime({ offset: true }),
});
export type Fact = z.infer<typeof factSchema>;

