import type { Catalog, FormatHintKind, LangText } from '../../nlu/types';

/**
 * Reading the reply to "what's your order number?". Customers rarely send the bare value: they
 * write "my order number is SG-551207", "ये लो SG-551207", "order id SG-551207 hai". Classified on
 * its own, "my order number is" looks like an order-status question, and the customer who asked to
 * cancel would get tracking details instead. The words that only describe the value are the ones
 * the bot itself used to ask for it, so they are taken from the catalog: every prompt of the slot
 * and the format hint of its kind, in every language. What is left once those are set aside must
 * be more than MAX_OTHER_WORDS words to be a question of its own ("where is my refund for
 * SG-482913" still is).
 */
export const MAX_OTHER_WORDS = 2;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

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

/** Whether the words around a value only describe it ("my order number is"), per valueWordsBySlot. */
export function onlyDescribesValue(words: string, valueWords: ReadonlySet<string> | undefined): boolean {
  let other = 0;
  for (const w of wordsOf(words)) {
    if (valueWords?.has(w)) continue;
    if (++other > MAX_OTHER_WORDS) return false;
  }
  return true;
}
