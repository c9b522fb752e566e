import type { Answer, Catalog, Intent, Lang } from '../../nlu/types';
import type { KnownFact } from './slotFacts';

/** A product or category of the catalog, as the customer's newest product fact names it. */
export interface ProductRef {
  id: string;
  /** The product's category; for a category, its own id. */
  category: string;
}

const refsByName = new WeakMap<Catalog, Map<string, ProductRef>>();

/**
 * Product facts carry the product's name in the catalog's default language (what agents read on
 * the fact sheet); this maps such a name back to the product, or to the category when the customer
 * only named the kind of thing ("my fridge"). A product wins over a category of the same name.
 */
function refsOf(catalog: Catalog): Map<string, ProductRef> {
  let refs = refsByName.get(catalog);
  if (!refs) {
    refs = new Map();
    const nameOf = (name: Record<Lang, string>) => name[catalog.defaultLanguage] ?? Object.values(name)[0] ?? '';
    for (const c of catalog.products?.categories ?? []) refs.set(nameOf(c.name), { id: c.id, category: c.id });
    for (const p of catalog.products?.products ?? []) refs.set(nameOf(p.name), { id: p.id, category: p.category });
    refsByName.set(catalog, refs);
  }
  return refs;
}

/** The product the customer wrote about last (facts are newest first), when the catalog lists it. */
export function newestProduct(catalog: Catalog, facts: readonly KnownFact[] | undefined): ProductRef | undefined {
  if (!catalog.products || !facts) return undefined;
  const fact = facts.find((f) => f.kind === 'product');
  return fact ? refsOf(catalog).get(fact.value) : undefined;
}

/**
 * The answers an intent gives about a product: the set that names the product itself, else the
 * set that names its category, else the intent's general answers. "Is it under warranty?" about a
 * TV gets the TV's warranty, not the watches' one.
 */
export function answersForProduct(intent: Intent, product: ProductRef | undefined): Record<Lang, Answer[]> {
  if (!product || !intent.answersFor) return intent.answers;
  const own = intent.answersFor.find((set) => set.products.includes(product.id));
  const ofCategory = own ?? intent.answersFor.find((set) => set.products.includes(product.category));
  return ofCategory?.answers ?? intent.answers;
}
