/**
 * Whole-word phrase matching for the dialogue's small lexicons (noValue.ts, pushesBack.ts): the
 * text lower-cased (NFC), apostrophes dropped ("don't" = "dont"), every other run of non-letters
 * and non-digits a single space, padded with spaces so a phrase matches only whole words.
 */
export function phraseText(text: string): string {
  return ` ${text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’`]/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** A test for whether a text holds any of the phrases (written as the customer types them) as whole words. */
export function anyPhrase(phrases: readonly string[]): (text: string) => boolean {
  const padded = phrases.map((p) => phraseText(p));
  return (text) => {
    const t = phraseText(text);
    return padded.some((p) => t.includes(p));
  };
}
