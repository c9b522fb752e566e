/**
 * What the Send API's answers mean, shared by every channel that speaks it (Messenger, Instagram).
 */
import type { Logger } from 'winston';
import { z } from 'zod';
import type { ChannelName } from '../../conversations/types';
import { fingerprint } from '../../logger';
import { ChannelSendError, type SenderAction } from '../types';

const sendSuccessSchema = z.object({ message_id: z.string().min(1) });

const CHANNEL_LABEL: Partial<Record<ChannelName, string>> = { messenger: 'Messenger', instagram: 'Instagram' };

/**
 * The message id in a 2xx Send API answer for the part at `partIndex`. A 2xx without one is a
 * non-retryable BAD_RESPONSE: the platform took the request, so sending again could duplicate it.
 */
export function sentMessageId(channel: ChannelName, json: unknown, partIndex: number): string {
  const ok = sendSuccessSchema.safeParse(json);
  if (ok.success) return ok.data.message_id;
  const bad = new ChannelSendError(channel, 'BAD_RESPONSE', 'Graph API answered 2xx without a message_id', false);
  bad.partsSent = partIndex + 1;
  throw bad;
}

/** A sender action (typing, seen) is best effort: a failure is logged with its code only, never thrown. */
export async function sendSenderActionQuietly(
  channel: ChannelName,
  post: (body: Record<string, unknown>) => Promise<unknown>,
  to: string,
  action: SenderAction,
  logger: Logger,
): Promise<void> {
  try {
    await post({ recipient: { id: to }, sender_action: action });
  } catch (err) {
    const code = err instanceof ChannelSendError ? err.platformCode : 'UNKNOWN';
    logger.warn(`${CHANNEL_LABEL[channel] ?? channel} sender action ${action} failed (${code})`, { channel, customer: fingerprint(to) });
  }
}
