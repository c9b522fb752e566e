/**
 * The words of a message that say something about its language: lowercased letter runs,
 * without chunks that hold digits (order numbers, phone numbers, prices), URLs, emails or handles.
 */
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const NOT_LANGUAGE = /[\d@#]|:\/\/|^www\./u;

export function languageTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const chunk of text.normalize('NFC').toLowerCase().split(/\s+/u)) {
    if (chunk === '' || NOT_LANGUAGE.test(chunk)) continue;
    for (const match of chunk.matchAll(WORD)) tokens.push(match[0].replace(/’/g, "'"));
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
