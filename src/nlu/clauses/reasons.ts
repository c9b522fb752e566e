import { bearsQuestion } from './questionWords';

/**
 * The reason customers give after a question ("when will it be delivered because i need to be home
 * for it", "delivery kab hogi kyunki main bahar hoon", "کب تک پہنچے گا کیونکہ …", "कहिले आउँछ किनभने
 * …"): it says why they ask, not what. Its words are new to the catalog or lean to other topics, and
 * a classifier trained on plain questions reads the question less surely with them.
 * Only words that are nothing but "because": not "since" ("since monday"), "as" or "cause" (a noun).
 */
const REASON_WORDS = [
  'because', 'becoz', 'becuz', 'bcoz', 'bcz', 'bcos', 'coz', 'cuz', 'cos',
  'kyunki', 'kyuki', 'kyonki', 'kyoki', 'kyunke', 'kuki',
  'क्योंकि', 'क्यूंकि', 'क्यूँकि', 'क्योकि',
  'کیونکہ', 'کیوں کہ', 'کیونکے',
  'किनभने', 'किनकि', 'kinabhane', 'kinaki',
];

const REASON = new RegExp(String.raw`(?<![\p{L}\p{M}\p{N}])(?:${REASON_WORDS.join('|')})(?![\p{L}\p{M}\p{N}])`, 'iu');

/**
 * The question before the reason given for it: the text up to "because" (kyunki, क्योंकि, کیونکہ,
 * किनभने), when what comes before asks something (bearsQuestion) in at least two words. The text
 * itself otherwise ("because of the rain, is delivery late?" gives its reason first).
 */
export function withoutReason(text: string): string {
  const m = REASON.exec(text);
  if (!m) return text;
  const before = text.slice(0, m.index).replace(/[\s,،]+$/u, '');
  if ((before.match(/[\p{L}\p{N}]+/gu) ?? []).length < 2 || !bearsQuestion(before)) return text;
  return before;
}
