import { MESSENGER_MAX_TEXT_CHARS, splitMessageBody, TWILIO_MAX_BODY_CHARS } from '../../../../channels/splitText';
import type { CannedAnswer } from '../../shared/types';

/** A canned answer as the API sends it (with its language, when it has one). */
export type CannedAnswerWire = CannedAnswer & { language?: string };

export const PREVIEW_CHANNELS = [
  { id: 'whatsapp', name: 'WhatsApp', max: TWILIO_MAX_BODY_CHARS },
  { id: 'messenger', name: 'Messenger', max: MESSENGER_MAX_TEXT_CHARS },
] as const;
export type PreviewChannel = (typeof PREVIEW_CHANNELS)[number]['id'];

/** The messages the customer receives on that channel: the senders split long texts the same way. */
export function previewParts(text: string, channel: PreviewChannel): string[] {
  const max = PREVIEW_CHANNELS.find((c) => c.id === channel)!.max;
  return splitMessageBody(text.trim(), max);
}
