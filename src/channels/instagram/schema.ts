import { z } from 'zod';

/**
 * The parts of Instagram's messaging webhook Baton reads (`object: instagram`, `entry[].messaging[]`,
 * shaped like Messenger's). Not strict: Meta adds fields without notice.
 */

export const instagramBodySchema = z.object({
  object: z.literal('instagram'),
  entry: z.array(
    z.object({
      id: z.string(),
      time: z.number(),
      messaging: z.array(z.record(z.string(), z.unknown())).optional(),
    }),
  ),
});

const party = z.object({ id: z.string().min(1) });
const base = { sender: party, recipient: party, timestamp: z.number().optional() };

export const igAttachmentSchema = z.object({
  /** image, video, audio, file, share, story_mention, ig_reel, reel, ig_post, … */
  type: z.string(),
  payload: z.object({ url: z.string().optional(), title: z.string().optional() }).nullish(),
});
export type IgAttachment = z.infer<typeof igAttachmentSchema>;

export const igMessageEventSchema = z.object({
  ...base,
  message: z.object({
    mid: z.string().min(1),
    text: z.string().optional(),
    quick_reply: z.object({ payload: z.string() }).optional(),
    attachments: z.array(igAttachmentSchema).optional(),
    /** A reply to an earlier message (`mid`) or to the business's story (`story`). */
    reply_to: z.object({ mid: z.string().optional(), story: z.object({ url: z.string().optional(), id: z.string() }).optional() }).optional(),
    is_echo: z.boolean().optional(),
    is_deleted: z.boolean().optional(),
    is_unsupported: z.boolean().optional(),
  }),
});
export type IgMessageEvent = z.infer<typeof igMessageEventSchema>;

export const igPostbackEventSchema = z.object({
  ...base,
  postback: z.object({ mid: z.string().optional(), title: z.string().optional(), payload: z.string() }),
});
export type IgPostbackEvent = z.infer<typeof igPostbackEventSchema>;

export const igReadEventSchema = z.object({ ...base, read: z.object({ mid: z.string().min(1) }) });
