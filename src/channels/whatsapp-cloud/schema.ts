import { z } from 'zod';

/**
 * The parts of the WhatsApp Cloud API webhook Baton reads (protocols.md §3.2). Objects are not strict:
 * Meta adds fields without notice; what is read here is required where Meta always sends it.
 */

export const envelopeSchema = z.object({ object: z.string() });

const mediaObject = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  sha256: z.string().optional(),
});

export const inboundMessageSchema = z.object({
  /** The customer's phone number as digits; missing for some username-only users (2026). */
  from: z.string().min(1).optional(),
  from_user_id: z.string().min(1).optional(),
  id: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string(),
  context: z.object({ from: z.string().optional(), id: z.string().optional(), forwarded: z.boolean().optional() }).optional(),
  text: z.object({ body: z.string() }).optional(),
  image: mediaObject.optional(),
  audio: mediaObject.optional(),
  video: mediaObject.optional(),
  document: mediaObject.optional(),
  sticker: mediaObject.optional(),
  location: z
    .object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() })
    .optional(),
  contacts: z
    .array(
      z.object({
        name: z.object({ formatted_name: z.string().optional() }).optional(),
        phones: z.array(z.object({ phone: z.string().optional(), wa_id: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  button: z.object({ text: z.string(), payload: z.string().optional() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  referral: z.object({ source_type: z.string().optional(), source_id: z.string().optional(), headline: z.string().optional() }).optional(),
});
export type CloudInboundMessage = z.infer<typeof inboundMessageSchema>;

const errorSchema = z.object({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});

export const statusSchema = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().regex(/^\d+$/),
  recipient_id: z.string().optional(),
  errors: z.array(errorSchema).optional(),
});
export type CloudStatus = z.infer<typeof statusSchema>;

export const changeValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string().optional(), phone_number_id: z.string() }),
  contacts: z
    .array(z.object({ profile: z.object({ name: z.string().optional() }).optional(), wa_id: z.string().optional(), user_id: z.string().optional() }))
    .optional(),
  messages: z.array(z.record(z.string(), z.unknown())).optional(),
  statuses: z.array(z.record(z.string(), z.unknown())).optional(),
  errors: z.array(errorSchema).optional(),
});
export type CloudChangeValue = z.infer<typeof changeValueSchema>;

export const businessAccountBodySchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
    }),
  ),
});
