/** Writing systems the detector tells apart. */
export type Script = 'latin' | 'devanagari' | 'arabic' | 'other';

export function scriptOf(char: string): Script {
  const cp = char.codePointAt(0) ?? 0;
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x1e00 && cp <= 0x1eff)) {
    return 'latin';
  }
  if ((cp >= 0x900 && cp <= 0x97f) || (cp >= 0xa8e0 && cp <= 0xa8ff)) return 'devanagari';
  if (
    (cp >= 0x600 && cp <= 0x6ff) ||
    (cp >= 0x750 && cp <= 0x77f) ||
    (cp >= 0x8a0 && cp <= 0x8ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  ) {
    return 'arabic';
  }
  return 'other';
}

/** How many letters (and combining marks) of each script the tokens hold. */
export function countScripts(tokens: readonly string[]): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const token of tokens) {
    for (const char of token) {
      const script = scriptOf(char);
      counts.set(script, (counts.get(script) ?? 0) + 1);
    }
  }
  return counts;
}

/** The script with most letters, and the share of letters it has (0..1). */
export function dominantScript(counts: Map<Script, number>): { script: Script; letters: number; share: number } | undefined {
  let total = 0;
  let best: Script | undefined;
  let bestCount = 0;
  for (const [script, n] of counts) {
    total += n;
    if (n > bestCount) {
      best = script;
      bestCount = n;
    }
  }
  return best === undefined ? undefined : { script: best, letters: bestCount, share: bestCount / total };
}

/** The usual script of well-known language tags, for languages without examples. */
export function scriptOfLanguageTag(lang: string): Script {
  if (/-Latn$/i.test(lang)) return 'latin';
  if (/-Deva$/i.test(lang)) return 'devanagari';
  if (/-Arab$/i.test(lang)) return 'arabic';
  const base = lang.split('-')[0] ?? lang;
  if (['hi', 'ne', 'mr', 'sa', 'mai', 'bho', 'new'].includes(base)) return 'devanagari';
  if (['ur', 'ar', 'fa', 'ps', 'sd', 'ug', 'ku'].includes(base)) return 'arabic';
  return 'latin';
}

/** The script most of a word's letters are in. */
function scriptOfWord(token: string): Script {
  return dominantScript(countScripts([token]))?.script ?? 'other';
}

/**
 * At least this share of a message's words in a non-Latin script of the catalog make it a message in
 * that script, whatever the Latin words around them.
 */
export const LOANWORD_HOST_SHARE = 1 / 3;

export interface MessageScript {
  script: Script;
  /** Letters of that script. */
  letters: number;
  /** Its share of the letters that count (0..1). */
  share: number;
  /** The words that say which language of the script it is. */
  tokens: readonly string[];
}

/**
 * The script a message is written in. Customers who write Hindi, Urdu or Nepali in their own script
 * type English nouns in Latin letters ("मेरो order को delivery कहिले हुन्छ?"), while English and
 * Hinglish messages rarely hold a word of another script: so when at least LOANWORD_HOST_SHARE of
 * the words are in one of `hosts` (non-Latin scripts of the catalog's languages), that script is the
 * message's, its Latin words are loanwords that count neither for nor against it, and only its own
 * words say which language it is. Otherwise, the script with most letters, all words counted.
 */
export function messageScript(tokens: readonly string[], hosts: ReadonlySet<Script>): MessageScript | undefined {
  const byScript = new Map<Script, string[]>();
  for (const token of tokens) {
    const script = scriptOfWord(token);
    byScript.set(script, [...(byScript.get(script) ?? []), token]);
  }
  if (byScript.has('latin')) {
    let host: Script | undefined;
    for (const [script, words] of byScript) {
      if (script === 'latin' || !hosts.has(script) || words.length < LOANWORD_HOST_SHARE * tokens.length) continue;
      if (host === undefined || words.length > (byScript.get(host) ?? []).length) host = script;
    }
    if (host !== undefined) {
      const own = byScript.get(host) ?? [];
      const counts = countScripts(tokens.filter((t) => scriptOfWord(t) !== 'latin'));
      const letters = counts.get(host) ?? 0;
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      return { script: host, letters, share: letters / total, tokens: own };
    }
  }
  const dominant = dominantScript(countScripts(tokens));
  return dominant && { ...dominant, tokens };
}
