import { ChannelSendError } from './types';

/**
 * Sends the parts of one outbound message in order, starting at `fromPart` (a retry resumes after
 * the parts already delivered). A failure leaves on its ChannelSendError how many parts went out
 * before it (`partsSent`), so the send schedule never delivers a part twice; a part that throws
 * after the platform took it (a 2xx without an id) sets `partsSent` past itself before throwing.
 * Resolves with the platform id of the first part this call sent.
 */
export async function sendParts<P>(parts: readonly P[], fromPart: number | undefined, sendOne: (part: P, index: number) => Promise<string>): Promise<string> {
  const from = Math.min(Math.max(fromPart ?? 0, 0), parts.length - 1);
  let first: string | undefined;
  for (let i = from; i < parts.length; i++) {
    try {
      const id = await sendOne(parts[i] as P, i);
      first ??= id;
    } catch (err) {
      if (err instanceof ChannelSendError) err.partsSent = Math.max(err.partsSent, i);
      throw err;
    }
  }
  return first as string;
}
