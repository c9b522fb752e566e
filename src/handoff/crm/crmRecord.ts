import { z } from 'zod';

/**
 * What a CRM tells Baton about a customer (the enrichment webhook's answer, see README "CRM
 * enrichment"). Every field is optional; lengths are capped so a CRM can't flood the packet.
 */
export const crmRecordSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    /** The CRM's tier name (gold, platinum…). */
    tier: z.string().min(1).max(50).optional(),
    /** True raises the escalation priority like a configured VIP. */
    vip: z.boolean().optional(),
    openOrders: z
      .array(
        z.object({
          id: z.string().min(1).max(100),
          status: z.string().max(100).optional(),
          total: z.object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 code such as INR' }) }).optional(),
        }),
      )
      .max(20)
      .optional(),
    lifetimeValue: z
      .object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 code such as INR' }) })
      .optional(),
    notes: z.string().max(2000).optional(),
    /** A link to the customer's record in the CRM (http or https). */
    url: z
      .string()
      .url()
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), { message: 'must be an http(s) link' })
      .optional(),
  })
  .strip();
export type CrmRecord = z.infer<typeof crmRecordSchema>;

/** The CRM's whole answer: the customer's record, or null when the CRM doesn't know them. */
export const crmAnswerSchema = z.object({ customer: crmRecordSchema.nullable() });
export type CrmAnswer = z.infer<typeof crmAnswerSchema>;
