import { z } from 'zod';

/** The fields of Twilio's voice webhook Baton uses (every other posted field is signed but ignored). */
export const voiceCallSchema = z.object({
  AccountSid: z.string(),
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, { message: 'must be CA followed by 32 hex characters' }),
  /** E.164 for phone callers; `anonymous`, a SIP URI or a client name otherwise (then no deflection). */
  From: z.string(),
  To: z.string().optional(),
});

export const gatherSchema = voiceCallSchema.extend({
  /** The key pressed; absent when the caller pressed nothing. */
  Digits: z.string().max(20).optional(),
});

export type VoiceCall = z.infer<typeof voiceCallSchema>;
