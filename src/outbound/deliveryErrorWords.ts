/**
 * What a failed send's code means, in words an agent can act on: the one table for Twilio's codes
 * (63016…), Meta's Graph codes (`code` or `code:subcode`: Messenger, Instagram, the WhatsApp Cloud
 * API's 131047…) and Baton's own transport codes. Pure and import-free: the console shows it on the
 * failed message, the dead-letter list sends it along. See ../shared/docs/protocols.md §1.7, §2.6, §3.
 */

const WORDS: Readonly<Record<string, string>> = {
  // Twilio (WhatsApp through Twilio)
  '63016': 'Outside the 24-hour window: the customer last wrote more than 24 hours ago. Send an approved template instead.',
  '63003': 'WhatsApp could not find this number: the customer may not use WhatsApp on it.',
  '63014': 'The customer blocked this business or opted out of its messages.',
  '63018': "WhatsApp's rate or messaging-tier limit was reached. Retry in a few minutes.",
  '63019': 'WhatsApp could not download the attachment (its link did not answer or had expired). Retry to send a fresh link.',
  '63024': 'WhatsApp says this recipient is not valid.',
  '63032': 'The customer is in a WhatsApp experiment that blocks this kind of message.',
  '11751': 'The attachment is larger than WhatsApp accepts (5 MB for images, 16 MB in all).',
  '21211': 'The phone number is not a valid number.',
  '21408': "Sending to this country is not enabled on the Twilio account.",
  '21610': 'The customer replied STOP: they must opt in again before they can be messaged.',
  '21614': 'The number is not a mobile number.',
  '20003': "Twilio refused Baton's credentials: an admin must check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.",
  '30003': "The customer's phone is unreachable (switched off or out of coverage).",
  '30005': "The customer's number is unknown to their carrier.",
  '30006': 'The number is a landline or cannot receive messages.',
  '30007': 'The carrier filtered the message as unwanted.',
  '30008': 'The carrier gave no reason for not delivering it.',
  // WhatsApp Cloud API
  '131047': 'Outside the 24-hour window: the customer last wrote more than 24 hours ago. Send an approved template instead.',
  '131026': 'WhatsApp could not deliver it: not a WhatsApp user, an old app, or the customer blocked this business.',
  '130472': 'The customer is in a WhatsApp experiment that blocks this kind of message.',
  '131056': 'Too many messages to this customer in a short time. Retry in a few minutes.',
  '130429': "WhatsApp's sending rate limit was reached. Retry in a few minutes.",
  '131051': 'WhatsApp does not support this kind of message.',
  '131053': 'WhatsApp could not fetch or use the attachment. Retry to send a fresh link.',
  '132000': "The template's variables do not match the approved template.",
  '132001': 'No approved template by this name in this language.',
  // Meta Graph (Messenger, Instagram; some shared with the Cloud API)
  '10:2018278': "Outside Messenger's 24-hour window: the customer has to write first (agents may answer up to 7 days with the human-agent tag).",
  '10:2534022': 'Outside the 24-hour window for this conversation: the customer has to write first.',
  '10': 'Meta refused it: outside the allowed window or not permitted for this app.',
  '2018001': "The app may not use the human-agent tag: it needs Meta's Human Agent permission.",
  '551': "This person isn't available right now: they blocked the Page or cannot be reached.",
  '2018108': 'The app can only message its own admins, developers and testers until Meta grants Advanced Access.',
  '190': 'The access token is invalid or expired: an admin must renew it.',
  '100': "Meta refused a parameter (often an attachment link it could not fetch, or an unknown recipient).",
  '200': "The app lacks the permission to send this message.",
  '4': "Meta's request limit for the app was reached. Retry later.",
  '613': "Meta's rate limit was reached. Retry later.",
  '1200': 'A temporary failure at Meta. Retry.',
  // Baton's own codes
  WINDOW_CLOSED: "Baton did not send it: the channel's window was closed at the time.",
  TIMEOUT: 'The platform did not answer in time; Baton could not tell whether it arrived.',
  NETWORK: 'The platform could not be reached.',
  CHANNEL_DISABLED: 'The channel is not configured on this server.',
  EMPTY_MESSAGE: 'There was nothing to send.',
  TEMPLATE_UNSUPPORTED: 'This channel has no approved templates: send text instead.',
  JOB_UNREADABLE: 'The queued send could not be read back; send the reply again.',
};

/** The words for a failure code, or undefined when the table does not know it. */
export function deliveryErrorWords(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const exact = WORDS[code];
  if (exact) return exact;
  const base = code.split(':')[0]!;
  if (WORDS[base]) return WORDS[base];
  if (/^HTTP_5\d\d$/.test(code)) return 'The platform had a server error. Retry later.';
  if (code === 'HTTP_429') return "The platform's rate limit was reached. Retry later.";
  return undefined;
}
