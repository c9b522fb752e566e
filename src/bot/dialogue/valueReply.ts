import type { Catalog, FormatHintKind, LangText } from '../../nlu/types';

/**
 * Reading the reply to "what's your order number?". Customers rarely send the bare value: they
 * write "my order number is SG-551207", "ये लो SG-551207", "order id SG-551207 hai". Classified as
 * a whole, "my order number is" looks like an order-status question, and the customer who asked to
 * cancel would get tracking details instead. The words that only describe the value are the ones
 * the bot itself used to ask for it, so they are taken from the catalog: every prompt of the slot
 * and the format hint of its kind, in every language. What is left once they are set aside is what
 * the customer said besides the value: nothing ("order no. SG-551207"), or another request of its
 * own ("cancel SG-551207", "where is my refund for SG-551207").
 */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Words that hand a value over in every catalog language ("my … is", "it was …", "here it is",
 * "ye lo", "मेरा … है", "… था", "میرا … ہے", "मेरो … हो", "… थियो"): beside a value they say nothing
 * else either. Alone, a classifier may still read one as a request ("was" as a complaint), so
 * they never reach it.
 */
const HANDING_OVER = new Set([
  'my', 'its', 'it', 's', 'is', 'was', 'were', 'the', 'a', 'here', 'this', 'that', 'for', 'of', 'mine',
  'mera', 'meri', 'mere', 'hai', 'h', 'tha', 'thi', 'ye', 'yeh', 'lo', 'raha', 'rahi', 'ka', 'ki', 'ke', 'wala', 'wali',
  'मेरा', 'मेरी', 'मेरे', 'है', 'था', 'थी', 'थे', 'यह', 'ये', 'लो', 'रहा', 'रही', 'का', 'की', 'के', 'वाला', 'वाली',
  'میرا', 'میری', 'میرے', 'ہے', 'تھا', 'تھی', 'تھے', 'یہ', 'لیں', 'رہا', 'رہی', 'کا', 'کی', 'کے', 'والا',
  'मेरो', 'हो', 'थियो', 'थ्यो', 'यो', 'छ', 'को', 'लिनुहोस्', 'ho',
  // how customers shorten "number" before a value: "order no. SG-…", "order nr", "ऑर्डर नं", "id"
  'no', 'nr', 'num', 'id', 'नं', 'न',
]);

/** Lower case, NFC, nukta dropped (ज़/ज, फ़/फ) so the customer's spelling meets the catalog's. */
function wordsOf(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().replace(/\u093C/g, '').match(WORD) ?? []) as string[];
}

/** For each slot name, the words the catalog uses to ask for it (prompts and the format hint of its kind). */
export function valueWordsBySlot(catalog: Catalog): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const addText = (set: Set<string>, text: LangText | undefined) => {
    for (const value of Object.values(text ?? {})) for (const w of wordsOf(value ?? '')) set.add(w);
  };
  for (const intent of catalog.intents) {
    for (const slot of intent.slots) {
      let set = out.get(slot.name);
      if (!set) {
        set = new Set();
        out.set(slot.name, set);
        if (slot.kind !== 'regex') addText(set, catalog.messages.formatHints?.[slot.kind as FormatHintKind]);
      }
      addText(set, slot.prompt);
    }
  }
  return out;
}

/** The words of `text` that neither ask for the value (the catalog's) nor hand it over, joined by spaces ('' when none). */
export function withoutValueWords(text: string, valueWords: ReadonlySet<string> | undefined): string {
  return wordsOf(text)
    .filter((w) => !valueWords?.has(w) && !HANDING_OVER.has(w))
    .join(' ');
}
