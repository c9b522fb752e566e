/** Messenger shows at most 13 quick replies, each title at most 20 characters. */
export const MAX_QUICK_REPLIES = 13;
export const MAX_QUICK_REPLY_TITLE = 20;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Shortens a title to at most `max` code points, ending with "…" when cut.
 * Cuts only between grapheme clusters, so a Devanagari vowel sign or virama is never left dangling.
 */
export function truncateTitle(title: string, max = MAX_QUICK_REPLY_TITLE): string {
  if ([...title].length <= max) return title;
  let out = '';
  let length = 0;
  for (const { segment } of graphemes.segment(title)) {
    const n = [...segment].length;
    if (length + n > max - 1) break;
    out += segment;
    length += n;
  }
  return `${out.trimEnd()}…`;
}

export interface MessengerQuickReply {
  content_type: 'text';
  title: string;
  payload: string;
}

/** Baton's quick replies as the Send API wants them: the first 13, titles truncated. */
export function toMessengerQuickReplies(replies: readonly { title: string; payload: string }[]): MessengerQuickReply[] {
  return replies.slice(0, MAX_QUICK_REPLIES).map((r) => ({
    content_type: 'text',
    title: truncateTitle(r.title),
    payload: r.payload,
  }));
}
