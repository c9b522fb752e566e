import type { Logger } from 'winston';
import { z } from 'zod';
import type { WhatsAppCloudConfig } from '../../config';
import { fingerprint } from '../../logger';
import { appSecretProof } from '../messenger';
import { graphCall } from '../graph/graphCall';
import { splitMessageBody } from '../splitText';
import { sendParts } from '../sendParts';
import { ChannelSendError, type ChannelSender, type OutboundContent, type SendOptions, type SendResult, type SenderAction } from '../types';
import { RETRYABLE_CLOUD_CODES } from './errorCodes';
import { interactiveFor, MAX_INTERACTIVE_BODY } from './interactive';
import { cloudMediaTypeForUrl } from './mediaType';
import { cloudRecipient } from './parseWebhook';

/** Cloud API text messages are at most 4,096 characters. */
export const CLOUD_MAX_TEXT_CHARS = 4096;

export interface WhatsAppCloudSenderOptions {
  config: WhatsAppCloudConfig;
  timeoutMs: number;
  logger: Logger;
}

const sendSuccessSchema = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });

/** Template variables "1", "2", … as body parameters, in numeric order. */
function templateParameters(variables: Record<string, string> | undefined): { type: 'text'; text: string }[] {
  return Object.entries(variables ?? {})
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
    .map(([, text]) => ({ type: 'text', text }));
}

/** What one outbound content becomes: the Cloud API message bodies, in order (without `to`). */
export function planCloudMessages(content: OutboundContent): Record<string, unknown>[] {
  if (content.template) {
    const t = content.template;
    if (!t.name) throw new ChannelSendError('whatsapp_cloud', 'TEMPLATE_UNSUPPORTED', 'A WhatsApp Cloud API template is sent by name: this one has none', false);
    const parameters = templateParameters(t.variables);
    return [
      {
        type: 'template',
        template: {
          name: t.name,
          language: { code: t.language ?? 'en' },
          ...(parameters.length ? { components: [{ type: 'body', parameters }] } : {}),
        },
      },
    ];
  }
  const out: Record<string, unknown>[] = [];
  const replies = content.quickReplies ?? [];
  const text = content.text ?? '';
  if (replies.length > 0) {
    // The options ride on the last part of the text, which must fit an interactive body.
    const parts = text === '' ? [] : splitMessageBody(text, MAX_INTERACTIVE_BODY);
    const last = parts.pop() ?? '👇';
    for (const body of parts) out.push({ type: 'text', text: { body, preview_url: false } });
    out.push({ type: 'interactive', interactive: interactiveFor(last, replies) });
  } else if (text !== '') {
    for (const body of splitMessageBody(text, CLOUD_MAX_TEXT_CHARS)) out.push({ type: 'text', text: { body, preview_url: false } });
  }
  for (const link of content.mediaUrls ?? []) {
    const type = cloudMediaTypeForUrl(link);
    out.push({ type, [type]: { link } });
  }
  return out;
}

/**
 * The WhatsApp Cloud API behind ChannelSender: `POST {graphUrl}/{version}/{phone-number-id}/messages`
 * with the access token (Bearer) and its appsecret_proof. Text, media, interactive buttons/lists and
 * templates; Meta's error codes (131047, 131026, …) become the ChannelSendError's platform code.
 */
export function createWhatsAppCloudSender({ config, timeoutMs, logger }: WhatsAppCloudSenderOptions): ChannelSender {
  const url = `${config.graphUrl}/${config.graphVersion}/${config.phoneNumberId}/messages?appsecret_proof=${appSecretProof(config.accessToken, config.appSecret)}`;
  const headers = { authorization: `Bearer ${config.accessToken}` };
  const post = (body: Record<string, unknown>) =>
    graphCall({ channel: 'whatsapp_cloud', method: 'POST', url, headers, body, timeoutMs, retryableCodes: RETRYABLE_CLOUD_CODES });

  async function send(to: string, content: OutboundContent, options: SendOptions): Promise<SendResult> {
    const plan = planCloudMessages(content);
    if (plan.length === 0) throw new ChannelSendError('whatsapp_cloud', 'EMPTY_MESSAGE', 'Nothing to send: no text, media or template', false);
    const recipient = cloudRecipient(to);
    const first = await sendParts(plan, options.fromPart, async (message, i) => {
      const json = await post({ messaging_product: 'whatsapp', recipient_type: 'individual', ...recipient, ...message });
      const ok = sendSuccessSchema.safeParse(json);
      if (!ok.success) {
        // Meta took the request; sending again could duplicate the message, so do not retry.
        const bad = new ChannelSendError('whatsapp_cloud', 'BAD_RESPONSE', 'Graph API answered 2xx without messages[0].id', false);
        bad.partsSent = i + 1;
        throw bad;
      }
      return ok.data.messages[0]!.id;
    });
    logger.debug('whatsapp cloud message sent', { messageId: options.messageId, parts: plan.length });
    return { platformMessageId: first, status: 'sent' };
  }

  /** Read receipts and typing both hang on the customer's message id; without one there is nothing to send. */
  async function senderAction(to: string, action: SenderAction, inReplyToPlatformId?: string): Promise<void> {
    if (action === 'typing_off' || !inReplyToPlatformId) return;
    try {
      await post({
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: inReplyToPlatformId,
        ...(action === 'typing_on' ? { typing_indicator: { type: 'text' } } : {}),
      });
    } catch (err) {
      const code = err instanceof ChannelSendError ? err.platformCode : 'UNKNOWN';
      logger.warn(`WhatsApp Cloud API ${action} failed (${code})`, { channel: 'whatsapp_cloud', customer: fingerprint(to) });
    }
  }

  return { channel: 'whatsapp_cloud', send, senderAction };
}
