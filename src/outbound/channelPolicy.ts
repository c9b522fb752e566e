import type { ChannelName } from '../conversations/types';
import type { WindowVerdict } from '../handoff/types';

/**
 * May this message go to the customer now? The platforms' messaging windows as a pure function of
 * the customer's last inbound message and the clock (protocols.md §1.7 and §2.6).
 *
 * - WhatsApp: free text and media only within 24 h of the customer's last message (code 63016
 *   otherwise); an approved template may always go.
 * - Messenger: anyone within 24 h (messaging_type RESPONSE); from 24 h to 7 days only a human agent,
 *   sent with the HUMAN_AGENT tag (automated messages are not allowed under it); nobody after
 *   7 days. Messenger has no templates.
 * - WhatsApp Cloud API: the same rules as WhatsApp through Twilio (Meta's code is 131047 there).
 * - Instagram: the same rules as Messenger (24 h, then HUMAN_AGENT for human agents up to 7 days).
 * - Sandbox: always.
 * A window is open while now < lastInboundAt + length: at exactly 24:00:00 it is closed.
 * A customer who never wrote has no window: free text is refused, a WhatsApp template may go.
 * `closesAt` (and on Messenger `humanAgentClosesAt`) is reported whenever the customer wrote, also
 * after it passed, so the console can say when it closed.
 */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
export const HUMAN_AGENT_WINDOW_MS = 7 * SERVICE_WINDOW_MS;

export interface WindowQuery {
  channel: ChannelName;
  /** The customer's last inbound message (ms); absent when the customer never wrote. */
  lastInboundAt?: number;
  now: number;
  author: 'bot' | 'agent' | 'system';
  kind: 'text' | 'template';
  /** The customer's address: on the Twilio door, one without `whatsapp:` is an SMS number, which has no window. */
  address?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14:05 UTC on 21 Nov". */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} UTC on ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

function whatsapp(q: WindowQuery): WindowVerdict {
  const closesAt = q.lastInboundAt === undefined ? undefined : q.lastInboundAt + SERVICE_WINDOW_MS;
  const window = closesAt === undefined ? {} : { closesAt };
  if (q.kind === 'template') return { allowed: true, ...window };
  if (closesAt !== undefined && q.now < closesAt) return { allowed: true, ...window };
  return {
    allowed: false,
    code: 'TEMPLATE_REQUIRED',
    reason:
      closesAt === undefined
        ? 'The customer has not written on WhatsApp yet, so there is no 24-hour window; send an approved template instead'
        : `WhatsApp's 24-hour window closed at ${formatUtc(closesAt)}; send an approved template instead`,
    ...window,
  };
}

function messenger(q: WindowQuery, name = 'Messenger'): WindowVerdict {
  if (q.lastInboundAt === undefined) {
    return {
      allowed: false,
      code: q.kind === 'template' ? 'TEMPLATE_UNSUPPORTED' : 'WINDOW_CLOSED',
      reason: `The customer has not written on ${name} yet; ${name} only allows replies to people who wrote to the business first`,
    };
  }
  const closesAt = q.lastInboundAt + SERVICE_WINDOW_MS;
  const humanAgentClosesAt = q.lastInboundAt + HUMAN_AGENT_WINDOW_MS;
  const windows = { closesAt, humanAgentClosesAt };
  if (q.kind === 'template') {
    return { allowed: false, code: 'TEMPLATE_UNSUPPORTED', reason: `${name} has no message templates; send text instead`, ...windows };
  }
  if (q.now < closesAt) return { allowed: true, humanAgentTag: false, ...windows };
  if (q.now < humanAgentClosesAt) {
    if (q.author === 'agent') return { allowed: true, humanAgentTag: true, ...windows };
    return {
      allowed: false,
      code: 'WINDOW_CLOSED',
      reason: `${name}'s 24-hour window closed at ${formatUtc(closesAt)}; until ${formatUtc(humanAgentClosesAt)} only a human agent may reply (HUMAN_AGENT tag)`,
      ...windows,
    };
  }
  return {
    allowed: false,
    code: 'WINDOW_CLOSED',
    reason: `${name}'s 7-day human agent window closed at ${formatUtc(humanAgentClosesAt)}; wait for the customer to write again`,
    ...windows,
  };
}

export function checkWindow(query: WindowQuery): WindowVerdict {
  switch (query.channel) {
    case 'whatsapp':
      if (query.address !== undefined && !query.address.startsWith('whatsapp:')) return { allowed: true };
      return whatsapp(query);
    case 'whatsapp_cloud':
      return whatsapp(query);
    case 'messenger':
      return messenger(query);
    case 'instagram':
      return messenger(query, 'Instagram');
    case 'sandbox':
      return { allowed: true };
  }
}
