import { normalizeText } from '../nlu/classifier';

/**
 * The content words of a text for overlap measures: the classifier's normalisation (case, script
 * variants, punctuation), words of three characters or more (drops "is", "my", "ka", "से"…).
 */
export function contentTokens(text: string): Set<string> {
  return new Set(
    normalizeText(text)
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter((w) => [...w].length >= 3),
  );
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}
