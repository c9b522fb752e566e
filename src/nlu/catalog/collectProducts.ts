import { foldPhrase } from '../facts/products';
import type { Lang, LangText, Product, ProductCatalog, ProductCategory } from '../types';
import { CATALOG_LIMITS } from './limits';
import { toLangText } from './normaliseIntent';
import type { RawCategory, RawProduct } from './schema';

export interface ProductSource<F> {
  file: F;
  categories: RawCategory[];
  products: RawProduct[];
}

type Report<F> = (file: F, path: PropertyKey[], message: string) => void;

/**
 * The catalog's categories and products from every file, checked across files: unique ids, a
 * product's category exists, languages are declared, names have a text in the default language,
 * and no two entries share a name or alias (after folding case, script and spelling variants,
 * which is how messages are matched), so a customer's words point at one thing only.
 */
export function collectProducts<F>(
  sources: ProductSource<F>[],
  opts: { defaultLanguage: Lang; isDeclared: (lang: Lang) => boolean; languages: Lang[]; fileName: (file: F) => string },
  report: Report<F>,
): ProductCatalog {
  const { defaultLanguage, isDeclared, languages, fileName } = opts;
  const categories: ProductCategory[] = [];
  const products: Product[] = [];
  const ids = { category: new Map<string, string>(), product: new Map<string, string>() };
  const phrases = new Map<string, string>();
  const total = sources.reduce((n, s) => n + s.categories.length + s.products.length, 0);
  if (total > CATALOG_LIMITS.maxProducts && sources[0]) {
    report(sources[0].file, [], `too many products and categories (${total}; at most ${CATALOG_LIMITS.maxProducts} in the whole catalog)`);
    return { categories, products };
  }

  const checkEntry = (
    file: F,
    at: PropertyKey[],
    kind: 'category' | 'product',
    raw: RawCategory | RawProduct,
  ): { name: LangText; aliases: Record<Lang, string[]> } | undefined => {
    const where = `${kind === 'category' ? 'categories' : 'products'}`;
    const first = ids[kind].get(raw.id);
    if (first !== undefined) {
      report(file, [...at, 'id'], `duplicate ${kind} id "${raw.id}" (already defined in ${first})`);
      return undefined;
    }
    ids[kind].set(raw.id, `${fileName(file)} ${where}`);
    if (typeof raw.name !== 'string' && raw.name[defaultLanguage] === undefined) {
      report(file, [...at, 'name'], `needs a name in "${defaultLanguage}" (the default language)`);
    }
    const name = toLangText(raw.name, defaultLanguage);
    const aliases = { ...(raw.aliases ?? {}) };
    for (const lang of [...(typeof raw.name === 'string' ? [] : Object.keys(raw.name))]) {
      if (!isDeclared(lang)) report(file, [...at, 'name', lang], `language "${lang}" is not in languages [${languages.join(', ')}]`);
    }
    for (const lang of Object.keys(aliases)) {
      if (!isDeclared(lang)) report(file, [...at, 'aliases', lang], `language "${lang}" is not in languages [${languages.join(', ')}]`);
    }
    const label = `${kind} "${raw.id}"`;
    const seenHere = new Set<string>();
    const check = (phrase: string, path: PropertyKey[]) => {
      const folded = foldPhrase(phrase).join(' ');
      if (folded === '') {
        report(file, path, `"${phrase}" has no letters or digits to match`);
        return;
      }
      if (seenHere.has(folded)) return;
      seenHere.add(folded);
      const owner = phrases.get(folded);
      if (owner !== undefined && owner !== label) {
        report(file, path, `"${phrase}" already names ${owner}; a name or alias may point at one thing only`);
      } else phrases.set(folded, label);
    };
    for (const [lang, text] of Object.entries(name)) check(text, [...at, 'name', ...(typeof raw.name === 'string' ? [] : [lang])]);
    for (const [lang, list] of Object.entries(aliases)) list.forEach((alias, i) => check(alias, [...at, 'aliases', lang, i]));
    return { name, aliases };
  };

  for (const source of sources) {
    source.categories.forEach((raw, i) => {
      const checked = checkEntry(source.file, ['categories', i], 'category', raw);
      if (checked) categories.push({ id: raw.id, ...checked });
    });
  }
  for (const source of sources) {
    source.products.forEach((raw, i) => {
      if (!ids.category.has(raw.category)) {
        const known = [...ids.category.keys()];
        report(source.file, ['products', i, 'category'], `category "${raw.category}" is not defined${known.length ? ` (known: ${known.slice(0, 20).join(', ')})` : '; add it under categories:'}`);
      }
      const checked = checkEntry(source.file, ['products', i], 'product', raw);
      if (checked) products.push({ id: raw.id, category: raw.category, ...checked });
    });
  }
  return { categories, products };
}
