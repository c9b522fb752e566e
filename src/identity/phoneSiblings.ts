import type { ChannelName } from '../conversations/types';

/**
 * Channels that address a customer by the same phone number (`whatsapp:+E164`): WhatsApp through
 * Twilio and through Meta's Cloud API. WhatsApp itself vouches for the number on both doors, so a
 * number already held *verified* on one is the same person on the other.
 */
const SIBLINGS: Partial<Record<ChannelName, ChannelName[]>> = {
  whatsapp: ['whatsapp_cloud'],
  whatsapp_cloud: ['whatsapp'],
};

export function phoneSiblings(channel: ChannelName, address: string): ChannelName[] {
  return /^whatsapp:\+\d{7,15}$/.test(address) ? (SIBLINGS[channel] ?? []) : [];
}
