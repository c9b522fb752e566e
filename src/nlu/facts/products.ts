import { normalizeText } from '../classifier/normalizeText';
import type { Catalog, Lang, ProductCatalog } from '../types';
import { type FactCandidate, MAX_FACTS_PER_KIND } from './types';

/**
 * Products and product categories the catalog knows, found by their names and aliases in every
 * language: "my washing machine", "the 55-inch TV", "वाशिंग मशीन", "واشنگ مشین", "fridj".
 * Matching is on words, longest alias first, tolerant of:
 * - case, accents, punctuation between words ("55-inch" = "55 inch"), digits in any script;
 * - Devanagari spelling variants (nukta, chandrabindu, long/short i and u, ॉ) and Urdu letter forms;
 * - common Hinglish spellings: doubled letters, ee/i, oo/u, w/v, ph/f, c/k, a plural s;
 * - one letter missing, extra or wrong in a Latin word of five letters or more (same first letter).
 * Cost is linear in the message: each word is looked up a bounded number of times.
 */

export interface ProductEntry {
  /** `product` or `category` id in the catalog. */
  id: string;
  type: 'product' | 'category';
  /** What the fact sheet shows: the name in the catalog's default language. */
  value: string;
  /** The product's category; a category's own id. */
  category: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: ProductEntry;
}

export interface ProductIndex {
  root: TrieNode;
  /** Most words in one alias. */
  maxWords: number;
  /** Every normalised word of every alias. */
  vocabulary: Set<string>;
  /** A Latin word with one letter removed → the vocabulary words it comes from. */
  deletions: Map<string, string[]>;
  /** How many aliases were indexed (for logs and tests). */
  size: number;
  /** Latin words of the customers' own language that are never read as a typo of an alias ("ghar", home, is not "ghari"). */
  words: ReadonlySet<string>;
}

/** A word the examples of at least this many intents use is a word of its own, not a typo of a product's name. */
export const WORD_OF_ITS_OWN_INTENTS = 3;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ASCII_WORD = /^[a-z0-9]+$/;
const FUZZY_MIN_LENGTH = 5;
/** After a product word, these make it a way to reach someone ("mobile number", "फ़ोन करें", "فون کریں"). */
const CONTACT_WORDS =
  /^[\s.:-]*(?:number|numbr|nmbr|num|no|nambar|nanbar|नंबर|नम्बर|نمبر|karo|karein|karen|kariye|kar|karna|kro|करें|करो|कीजिए|करना|कर|गर्नुहोस्|गर्नु|गर|गर्दा|کریں|کرو|کیجیے|کرنا|کر)\.?$/iu;

/**
 * The words of a telephone, the one device that is also a way to reach someone: only a phrase ending
 * in one of these can be "a way to call" rather than a thing bought ("emi on the airbook", "tv no
 * longer turns on" are products).
 */
const TELEPHONE = /(?:^|[^\p{L}\p{M}])(?:phone|fone|fon|mobile|mobil|mobail|cell|cellphone|handset|फ़ोन|फोन|मोबाइल|فون|موبائل)$/iu;

/**
 * A phone as the way someone is (not) reached, not the thing bought: "nobody picks up the phone",
 * "talked on the phone", "by phone" before the word; "phone nahi uthata", "फ़ोन नहीं उठाया", "فون نہیں
 * اٹھاتا", "फोन उठाउँदैन", "phone kiya" after it.
 */
const CALL_BEFORE = /(?:\b(?:pick(?:s|ed|ing)?\s+up|answer(?:s|ed|ing)?|on|over)\s+the|\b(?:by|via))\s*$/iu;
const CALL_AFTER =
  /^[\s.,:-]*(?:(?:nahi|nhi|nahin|nai|not|नहीं|नही|نہیں|नि)\s+)?(?:uth[\p{L}\p{M}]*|उठ[\p{L}\p{M}]*|اٹھ[\p{L}\p{M}]*|kiya|kia|kiye|किया|किये|کیا|کیے|receive[\p{L}\p{M}]*|रिसीव[\p{L}\p{M}]*|ریسیو[\p{L}\p{M}]*)(?![\p{L}\p{M}])/iu;

/** Spelling-variant folding of one Latin word (Hinglish and English typos). */
function foldLatin(word: string): string {
  let w = word
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/c(?!h)/g, 'k')
    .replace(/(\p{L})\1+/gu, '$1');
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

/** Devanagari vowel signs customers swap (ी/ि, ू/ु, ॉ/ा), after normalizeText's own folding. */
function foldDevanagari(word: string): string {
  return word.replace(/\u0940/g, '\u093F').replace(/\u0942/g, '\u0941').replace(/\u0949/g, '\u093E').replace(/\u0945/g, '');
}

/** Words of other scripts folded recently: their normalisation is the costly part, and words repeat. */
const foldedWords = new Map<string, string>();
const FOLDED_WORDS_KEPT = 20000;

/** One word of a message or alias, folded so spelling variants meet. May be '' (nothing left). */
export function foldWord(raw: string): string {
  const lower = raw.toLowerCase();
  if (ASCII_WORD.test(lower)) return /^\d+$/.test(lower) ? lower : foldLatin(lower);
  let folded = foldedWords.get(raw);
  if (folded === undefined) {
    const n = normalizeText(raw).replace(/ /g, '');
    folded = ASCII_WORD.test(n) ? (/^\d+$/.test(n) ? n : foldLatin(n)) : foldDevanagari(n);
    if (raw.length <= 40) {
      if (foldedWords.size >= FOLDED_WORDS_KEPT) foldedWords.clear();
      foldedWords.set(raw, folded);
    }
  }
  return folded;
}

/** The folded words of a phrase. */
export function foldPhrase(phrase: string): string[] {
  const out: string[] = [];
  for (const m of phrase.matchAll(WORD)) {
    const w = foldWord(m[0]);
    if (w) out.push(w);
  }
  return out;
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1)); // first letter kept
  return out;
}

/** Per language, the first word every product's name starts with (the shop's brand), when there is one and more than one product. */
function brandsOf(products: ProductCatalog): Map<string, string> {
  const brands = new Map<string, string>();
  if (products.products.length < 2) return brands;
  const langs = new Set(products.products.flatMap((p) => Object.keys(p.name)));
  for (const lang of langs) {
    const firsts = new Set(products.products.map((p) => p.name[lang]?.trim().split(/\s+/)[0]));
    const [only] = firsts;
    if (firsts.size === 1 && only) brands.set(lang, only);
  }
  return brands;
}

/**
 * Builds the matcher for a catalog's products (once per catalog). `words`: words customers use in
 * their own right (the catalog's examples), which are never taken for a one-letter typo of an alias.
 */
export function compileProductIndex(products: ProductCatalog, defaultLanguage: Lang, words: Iterable<string> = []): ProductIndex {
  const root: TrieNode = { next: new Map() };
  const vocabulary = new Set<string>();
  let maxWords = 0;
  let size = 0;
  const nameIn = (name: Record<Lang, string>) => name[defaultLanguage] ?? Object.values(name)[0] ?? '';
  const add = (phrase: string, entry: ProductEntry) => {
    const words = foldPhrase(phrase);
    if (words.length === 0) return;
    let node = root;
    for (const w of words) {
      vocabulary.add(w);
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map() }));
      node = child;
    }
    // Products win over categories on an identical phrase; otherwise the first one indexed stays.
    if (!node.entry || (node.entry.type === 'category' && entry.type === 'product')) node.entry = entry;
    maxWords = Math.max(maxWords, words.length);
    size++;
  };
  const phrasesOf = (name: Record<Lang, string>, aliases: Record<Lang, string[]>) => [
    ...Object.values(name),
    ...Object.values(aliases).flat(),
  ];
  for (const c of products.categories) {
    const entry: ProductEntry = { id: c.id, type: 'category', value: nameIn(c.name), category: c.id };
    for (const p of phrasesOf(c.name, c.aliases)) add(p, entry);
  }
  const brands = brandsOf(products);
  for (const p of products.products) {
    const entry: ProductEntry = { id: p.id, type: 'product', value: nameIn(p.name), category: p.category };
    for (const phrase of phrasesOf(p.name, p.aliases)) add(phrase, entry);
    for (const [lang, name] of Object.entries(p.name)) {
      const brand = brands.get(lang);
      const words = name.trim().split(/\s+/);
      // "नोवा 5G" for "सरगम नोवा 5G": the name without the brand every product's name starts with, when more than one word is left.
      if (brand && words.length > 2 && words[0] === brand) add(words.slice(1).join(' '), entry);
    }
  }
  const deletions = new Map<string, string[]>();
  for (const w of vocabulary) {
    if (w.length < FUZZY_MIN_LENGTH || !ASCII_WORD.test(w)) continue;
    for (const d of deletionsOf(w)) {
      const list = deletions.get(d);
      if (!list) deletions.set(d, [w]);
      else if (!list.includes(w) && list.length < 4) list.push(w);
    }
  }
  const own = new Set<string>();
  for (const w of words) {
    const folded = foldWord(w);
    if (ASCII_WORD.test(folded) && !vocabulary.has(folded)) own.add(folded);
  }
  return { root, maxWords, vocabulary, deletions, size, words: own };
}

/**
 * The words the examples of at least WORD_OF_ITS_OWN_INTENTS intents use: words of the customers'
 * language, not typos (a typo in an example is in one intent's examples, not in three).
 */
export function wordsOfTheirOwn(catalog: Pick<Catalog, 'intents'>): string[] {
  const intentsOf = new Map<string, Set<string>>();
  for (const intent of catalog.intents) {
    for (const text of Object.values(intent.examples).flat()) {
      for (const m of text.toLowerCase().matchAll(WORD)) {
        let seen = intentsOf.get(m[0]);
        if (!seen) intentsOf.set(m[0], (seen = new Set()));
        seen.add(intent.id);
      }
    }
  }
  return [...intentsOf].filter(([, ids]) => ids.size >= WORD_OF_ITS_OWN_INTENTS).map(([w]) => w);
}

/**
 * The vocabulary words a folded message word may stand for: itself, or the words it is a one-letter
 * typo of (a letter missing, extra or wrong, never the first). Empty when none.
 */
function resolveWord(word: string, index: ProductIndex): string[] {
  if (index.vocabulary.has(word)) return [word];
  if (!ASCII_WORD.test(word)) {
    // Nepali (and colloquial Hindi) write postpositions onto the noun: टिभीको, ल्यापटपमा, मेसिनलाई.
    for (const suffix of foldedPostpositions()) {
      if (word.length > suffix.length + 1 && word.endsWith(suffix) && index.vocabulary.has(word.slice(0, -suffix.length))) return [word.slice(0, -suffix.length)];
    }
    return [];
  }
  if (word.length < FUZZY_MIN_LENGTH - 1 || !ASCII_WORD.test(word) || /^\d+$/.test(word) || index.words.has(word)) return [];
  const found = new Set<string>(index.deletions.get(word) ?? []); // a letter missing
  if (word.length >= FUZZY_MIN_LENGTH) {
    for (const d of deletionsOf(word)) {
      if (d.length >= FUZZY_MIN_LENGTH - 1 && index.vocabulary.has(d)) found.add(d); // a letter too many
      for (const w of index.deletions.get(d) ?? []) found.add(w); // a letter wrong
      if (found.size >= 4) break;
    }
  }
  return [...found];
}

/** Postpositions written onto a Devanagari noun, longest first, folded like message words. */
const POSTPOSITIONS = ['हरूको', 'हरूलाई', 'हरूमा', 'लाई', 'बाट', 'सँग', 'देखि', 'सम्म', 'को', 'का', 'की', 'के', 'मा', 'ले', 'में'];
let folded: string[] | undefined;
function foldedPostpositions(): string[] {
  folded ??= POSTPOSITIONS.map((p) => foldWord(p)).filter(Boolean);
  return folded;
}

export function findProductFacts(text: string, index: ProductIndex): FactCandidate[] {
  if (index.size === 0) return [];
  const words: { candidates: string[]; start: number; end: number }[] = [];
  const cache = new Map<string, string[]>();
  for (const m of text.matchAll(WORD)) {
    let resolved = cache.get(m[0]);
    if (resolved === undefined) {
      const folded = foldWord(m[0]);
      resolved = folded ? resolveWord(folded, index) : [];
      if (cache.size < 1000) cache.set(m[0], resolved);
    }
    words.push({ candidates: resolved, start: m.index, end: m.index + m[0].length });
  }
  const out: (FactCandidate & { entry: ProductEntry })[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < words.length && out.length < MAX_FACTS_PER_KIND; ) {
    let node: TrieNode | undefined = index.root;
    let best: { entry: ProductEntry; end: number } | undefined;
    for (let j = i; j < words.length && j - i < index.maxWords; j++) {
      const from: TrieNode = node;
      node = undefined;
      for (const w of words[j]!.candidates) if ((node = from.next.get(w))) break;
      if (!node) break;
      if (node.entry) best = { entry: node.entry, end: j };
    }
    if (!best) {
      i++;
      continue;
    }
    const key = `${best.entry.type}:${best.entry.id}`;
    const after = words[best.end + 1];
    // "mobile number", "phone no.", "फ़ोन करें": a way to reach someone, not the thing they bought.
    const telephone = TELEPHONE.test(text.slice(words[i]!.start, words[best.end]!.end));
    const isNumber = telephone && after !== undefined && CONTACT_WORDS.test(text.slice(words[best.end]!.end, after.end));
    const isCall = telephone && (CALL_BEFORE.test(text.slice(Math.max(0, words[i]!.start - 24), words[i]!.start)) || CALL_AFTER.test(text.slice(words[best.end]!.end, words[best.end]!.end + 32)));
    if (!seen.has(key) && !isNumber && !isCall) {
      seen.add(key);
      out.push({ kind: 'product', value: best.entry.value, verified: true, span: { start: words[i]!.start, end: words[best.end]!.end }, entry: best.entry });
    }
    i = best.end + 1;
  }
  // "the Vision 55 inch TV … the TV": a category the message also names a product of adds nothing.
  const named = new Set(out.filter((f) => f.entry.type === 'product').map((f) => f.entry.category));
  return out.filter((f) => f.entry.type === 'product' || !named.has(f.entry.id)).map(({ entry: _entry, ...fact }) => fact);
}

const indexes = new WeakMap<Catalog, ProductIndex | null>();

/** The product matcher of a catalog, compiled once per catalog object; undefined when it lists no products. */
export function productIndexOf(catalog: Catalog): ProductIndex | undefined {
  let index = indexes.get(catalog);
  if (index === undefined) {
    index = catalog.products ? compileProductIndex(catalog.products, catalog.defaultLanguage, wordsOfTheirOwn(catalog)) : null;
    indexes.set(catalog, index);
  }
  return index ?? undefined;
}
