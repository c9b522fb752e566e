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
