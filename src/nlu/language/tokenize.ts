/**
 * The words of a message that say something about its language: lowercased letter runs,
 * without chunks that hold digits (order numbers, phone numbers, prices), URLs, emails or handles.
 */
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const NOT_LANGUAGE = /[\d@#]|:\/\/|^www\./u;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const WHITESPACE = /\s+/u;

function isLowerLatin(chunk: string): boolean {
  for (let i = 0; i < chunk.length; i++) {
    const code = chunk.charCodeAt(i);
    if (code < 0x61 || code > 0x7a) return false;
  }
  return true;
}

export function languageTokens(text: string): string[] {
  const tokens: string[] = [];
  // NFC leaves plain ASCII as it is.
  const lowered = (PRINTABLE_ASCII.test(text) ? text : text.normalize('NFC')).toLowerCase();
  for (const chunk of lowered.split(WHITESPACE)) {
    if (chunk === '') continue;
    // A chunk of the letters a–z only (most of romanised text) is one word, with nothing to test.
    if (isLowerLatin(chunk)) {
      tokens.push(chunk);
      continue;
    }
    if (NOT_LANGUAGE.test(chunk)) continue;
    WORD.lastIndex = 0;
    for (let match = WORD.exec(chunk); match !== null; match = WORD.exec(chunk)) tokens.push(match[0].includes('’') ? match[0].replace(/’/g, "'") : match[0]);
  }
  return tokens;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Features of one word: the word itself and its character trigrams (with word boundaries). */
export function wordFeatures(token: string): string[] {
  const features = [`w:${token}`];
  const bounded = `<${token}>`;
  if (!SURROGATE.test(bounded)) {
    // One UTF-16 unit per character: trigrams are plain slices.
    for (let i = 0; i + 3 <= bounded.length; i++) features.push(bounded.slice(i, i + 3));
    return features;
  }
  const chars = [...bounded];
  for (let i = 0; i + 3 <= chars.length; i++) features.push(chars.slice(i, i + 3).join(''));
  return features;
}
