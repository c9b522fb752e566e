import type { Logger } from 'winston';
import type { InstagramConfig } from '../../config';
import { appSecretProof, attachmentTypeForUrl, MAX_QUICK_REPLIES, RETRYABLE_GRAPH_CODES, sendSenderActionQuietly, sentMessageId, toMessengerQuickReplies } from '../messenger';
import { graphCall } from '../graph/graphCall';
import { splitMessageBody } from '../splitText';
import { sendParts } from '../sendParts';
import { ChannelSendError, type ChannelSender, type OutboundContent, type SendOptions, type SendResult, type SenderAction } from '../types';

/** Instagram refuses text over 1,000 characters. */
export const INSTAGRAM_MAX_TEXT_CHARS = 1000;

export interface InstagramSenderOptions {
  config: InstagramConfig;
  timeoutMs: number;
  logger: Logger;
}

type Part = { text: string } | { attachment: { type: string; payload: { url: string } } };

/** The `message` objects for one outbound content, in order; quick replies ride on the last one. */
export function planInstagramMessages(content: OutboundContent): Record<string, unknown>[] {
  const parts: Part[] = [];
  if (content.text) for (const text of splitMessageBody(content.text, INSTAGRAM_MAX_TEXT_CHARS)) parts.push({ text });
  for (const url of content.mediaUrls ?? []) {
    const type = attachmentTypeForUrl(url);
    parts.push({ attachment: { type: type === 'file' ? 'file' : type, payload: { url } } });
  }
  const replies = content.quickReplies?.length ? toMessengerQuickReplies(content.quickReplies) : undefined;
  return parts.map((p, i) => (i === parts.length - 1 && replies ? { ...p, quick_replies: replies } : p));
}

/**
 * Instagram messaging behind ChannelSender: `POST {graphUrl}/{version}/me/messages` with the Instagram
 * access token and its appsecret_proof. Agent replies 24 h – 7 days after the customer's last message
 * go with `messaging_type: MESSAGE_TAG, tag: HUMAN_AGENT`; bots never use the tag. No templates.
 */
export function createInstagramSender({ config, timeoutMs, logger }: InstagramSenderOptions): ChannelSender {
  const query = new URLSearchParams({ access_token: config.accessToken, appsecret_proof: appSecretProof(config.accessToken, config.appSecret) });
  const url = `${config.graphUrl}/${config.graphVersion}/me/messages?${query.toString()}`;
  const post = (body: Record<string, unknown>) => graphCall({ channel: 'instagram', method: 'POST', url, body, timeoutMs, retryableCodes: RETRYABLE_GRAPH_CODES });

  async function send(to: string, content: OutboundContent, options: SendOptions): Promise<SendResult> {
    if (content.template) throw new ChannelSendError('instagram', 'TEMPLATE_UNSUPPORTED', 'Instagram has no pre-approved templates: send text, media or quick replies', false);
    if (options.humanAgentTag && options.author !== 'agent') {
      throw new Error(`The HUMAN_AGENT tag is for replies a human agent wrote; a ${options.author} message never uses it`);
    }
    const messages = planInstagramMessages(content);
    if (messages.length === 0) throw new ChannelSendError('instagram', 'EMPTY_MESSAGE', 'Nothing to send: an Instagram message needs text or media', false);
    if ((content.quickReplies?.length ?? 0) > MAX_QUICK_REPLIES) {
      logger.warn(`Instagram shows at most ${MAX_QUICK_REPLIES} quick replies; the rest were dropped`, { messageId: options.messageId });
    }
    const routing = options.humanAgentTag ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } : { messaging_type: 'RESPONSE' };
    const first = await sendParts(messages, options.fromPart, async (message, i) =>
      sentMessageId('instagram', await post({ recipient: { id: to }, ...routing, message }), i),
    );
    return { platformMessageId: first, status: 'sent' };
  }

  const senderAction = (to: string, action: SenderAction): Promise<void> => sendSenderActionQuietly('instagram', post, to, action, logger);

  return { channel: 'instagram', send, senderAction };
}
