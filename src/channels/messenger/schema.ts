import { z } from 'zod';

/**
 * The parts of Meta's Messenger webhook payload Baton reads. Objects are not strict: Meta adds fields
 * without notice, so unknown fields are accepted (and dropped); the fields read here are required
 * exactly where Meta documents them as always present.
 */

export const envelopeSchema = z.object({
  object: z.string(),
});

export const pageBodySchema = z.object({
  object: z.literal('page'),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.number(),
      messaging: z.array(z.record(z.string(), z.unknown())).optional(),
      standby: z.array(z.record(z.string(), z.unknown())).optional(),
    }),
  ),
});
export type PageBody = z.infer<typeof pageBodySchema>;

const party = z.object({ id: z.string().min(1) });

const base = {
  sender: party,
  recipient: party,
  /** Most events carry it; delivery events do not. */
  timestamp: z.number().optional(),
};

export const attachmentSchema = z.object({
  type: z.string(),
  /** `fallback` (link share) attachments may carry no payload at all. */
  payload: z
    .object({
      url: z.string().optional(),
      sticker_id: z.number().optional(),
      title: z.string().optional(),
      coordinates: z.object({ lat: z.number(), long: z.number() }).optional(),
    })
    .nullish(),
  /** Older location / fallback attachments carried these beside the payload. */
  title: z.string().optional(),
  url: z.string().optional(),
});
export type MessengerAttachment = z.infer<typeof attachmentSchema>;

export const messageEventSchema = z.object({
  ...base,
  message: z.object({
    mid: z.string().min(1),
    text: z.string().optional(),
    quick_reply: z.object({ payload: z.string() }).optional(),
    reply_to: z.object({ mid: z.string().min(1) }).optional(),
    attachments: z.array(attachmentSchema).optional(),
    sticker_id: z.number().optional(),
    is_echo: z.boolean().optional(),
    app_id: z.union([z.number(), z.string()]).optional(),
    metadata: z.string().optional(),
  }),
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const postbackEventSchema = z.object({
  ...base,
  postback: z.object({
    mid: z.string().min(1).optional(),
    title: z.string().optional(),
    payload: z.string(),
    referral: z.object({ ref: z.string().optional(), source: z.string().optional() }).optional(),
  }),
});
export type PostbackEvent = z.infer<typeof postbackEventSchema>;

export const deliveryEventSchema = z.object({
  ...base,
  delivery: z.object({
    mids: z.array(z.string()).optional(),
    watermark: z.number(),
  }),
});
export type DeliveryEvent = z.infer<typeof deliveryEventSchema>;

export const readEventSchema = z.object({
  ...base,
  read: z.object({ watermark: z.number() }),
});
export type ReadEvent = z.infer<typeof readEventSchema>;
