import { openerAt, WORD } from './productFollowUp';

/** Words that make the rest of a follow-up a condition ("and if …", "aur agar …", "और अगर …", "اور اگر …", "… भने"). */
const CONDITION_WORDS: ReadonlySet<string> = new Set(['if', 'agar', 'agr', 'yadi', 'jodi', 'अगर', 'यदि', 'اگر', 'bhane', 'भने']);

/** Most words a conditional follow-up may have: longer messages tell a story of their own. */
export const MAX_CONDITION_WORDS = 12;

/**
 * "and if it's opened?", "aur agar dabba khul gaya ho to?", "और अगर डिब्बा खुल गया हो तो?", "اور اگر ڈبہ کھل
 * گیا ہو تو؟", "ani box kholeko cha bhane?", "what if the seal is broken?": a short message that opens
 * like a follow-up and puts a condition asks about a case of the topic just answered, in words
 * (the box, the seal) the topic's examples may never use.
 */
export function opensConditionalFollowUp(text: string): boolean {
  const words = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  if (words.length > MAX_CONDITION_WORDS) return false;
  if (words[0] === 'what' && words[1] === 'if') return true;
  const opener = openerAt(words);
  if (opener === 0) return false;
  const first = words[opener];
  return (first !== undefined && CONDITION_WORDS.has(first)) || words.slice(opener).some((w) => w === 'bhane' || w === 'भने');
}
