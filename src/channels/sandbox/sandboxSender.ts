import { randomBytes } from 'node:crypto';
import type { ChannelSender, SendResult } from '../types';

/**
 * The sandbox channel's sender: there is no platform behind it, so a send is delivered as soon
 * as it is recorded; the customer reads replies from the transcript through the sandbox API.
 */
export function createSandboxSender(): ChannelSender {
  return {
    channel: 'sandbox',
    async send(): Promise<SendResult> {
      return { platformMessageId: `sb_${randomBytes(8).toString('hex')}`, status: 'delivered' };
    },
    async senderAction(): Promise<void> {
      // Nothing to show: the sandbox has no typing indicator.
    },
  };
}
