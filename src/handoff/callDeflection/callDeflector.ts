import { callerLanguage, voiceTextsFor, type CallDeflector } from '../../channels/twilio/voice';
import type { ConversationStore } from '../../conversations/conversationStore';
import type { Conversation } from '../../conversations/types';
import type { Logger } from '../../logger';
import type { Catalog } from '../../nlu/types';
import type { OutboundService } from '../../outbound/outboundService';

/**
 * Twilio codes meaning "this number can't get WhatsApp" (protocols.md): 63003 the channel could not
 * find the To address, 63024 invalid recipient, 63032 the user is in a Meta experiment. Such callers
 * get an SMS through the same Twilio number instead.
 */
export const NO_WHATSAPP_CODES: ReadonlySet<string> = new Set(['63003', '63024', '63032']);

export interface CallDeflectorDeps {
  store: ConversationStore;
  outbound: OutboundService;
  /** The approved template that opens the WhatsApp thread (VOICE_DEFLECTION_TEMPLATE resolved through WHATSAPP_TEMPLATES). */
  templateSid: string;
  catalog: () => Catalog;
  /** An internal line on the transcript (and its live event). */
  note: (conversation: Conversation, text: string) => Promise<unknown>;
  logger: Logger;
  clock?: () => number;
}

/** "2026-12-06 08:40 UTC": when the call came, on the transcript and in the packet. */
export function callTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * What happens when a caller presses 1: their WhatsApp conversation (the same one they already had,
 * else a new one) gets the approved template that opens the thread, is marked as coming from the
 * call, and carries a note "Came from a phone call at …". When Twilio answers that the number can't
 * get WhatsApp, the caller gets an SMS through the same number instead (its own conversation, also
 * marked). Nothing here throws to the phone line: a failure is an outcome the caller hears.
 */
export function createCallDeflector(deps: CallDeflectorDeps): CallDeflector {
  const now = deps.clock ?? Date.now;
  const languages = () => deps.catalog().languages;

  async function mark(conv: Conversation, callSid: string, at: number, via: 'whatsapp' | 'sms', language: string): Promise<void> {
    await deps.store.update(conv.id, { callDeflection: { at, via, callSid }, ...(conv.language ? {} : { language }) });
    const how = via === 'whatsapp' ? 'the WhatsApp template was sent' : 'WhatsApp could not reach the number, an SMS was sent';
    await deps.note(conv, `Came from a phone call at ${callTime(at)}: ${how}`);
  }

  return {
    languages,

    async languageFor(phone) {
      const known = phone
        ? ((await deps.store.findByAddress('whatsapp', `whatsapp:${phone}`))?.language ?? (await deps.store.findByAddress('whatsapp', phone))?.language)
        : undefined;
      return callerLanguage({ known, phone, defaultLanguage: deps.catalog().defaultLanguage, languages: languages() });
    },

    async deflect({ callSid, phone, language }) {
      const at = now();
      try {
        const { conversation } = await deps.store.findOrOpen({ channel: 'whatsapp', customerAddress: `whatsapp:${phone}` });
        const sent = await deps.outbound.send({
          conversation,
          author: 'system',
          content: { template: { contentSid: deps.templateSid } },
          meta: { callDeflection: callSid },
        });
        if (sent.status !== 'failed') {
          await mark(conversation, callSid, at, 'whatsapp', language);
          return 'whatsapp';
        }
        if (!NO_WHATSAPP_CODES.has(sent.errorCode ?? '')) {
          deps.logger.warn('call deflection: the WhatsApp template failed', { callSid, code: sent.errorCode });
          return 'failed';
        }
        const { conversation: sms } = await deps.store.findOrOpen({ channel: 'whatsapp', customerAddress: phone });
        const text = await deps.outbound.send({ conversation: sms, author: 'system', content: { text: voiceTextsFor(language).smsText }, meta: { callDeflection: callSid } });
        if (text.status === 'failed') {
          deps.logger.warn('call deflection: the SMS failed too', { callSid, code: text.errorCode });
          return 'failed';
        }
        await mark(sms, callSid, at, 'sms', language);
        return 'sms';
      } catch (err) {
        deps.logger.error('call deflection failed', { callSid, reason: (err as Error).message });
        return 'failed';
      }
    },
  };
}
