/**
 * In-session WhatsApp messages sent without an approved Content template cannot carry buttons, so quick
 * replies are appended to the text as a numbered list ("1. Store hours\n2. Returns"), in the same message.
 * The customer answers with the number or the title, as plain text.
 */
export function appendQuickRepliesAsList(
  text: string | undefined,
  quickReplies: readonly { title: string }[] | undefined,
): string {
  const body = text ?? '';
  if (!quickReplies || quickReplies.length === 0) return body;
  const list = quickReplies.map((q, i) => `${i + 1}. ${q.title}`).join('\n');
  return body.trim() === '' ? list : `${body}\n\n${list}`;
}
