import path from 'node:path';
import { loadCatalog } from '../../../../src/nlu/catalog';
import { extractFacts, productIndexOf, type FactContext, type FactKind, type ProductIndex } from '../../../../src/nlu/facts';

export const NOW = new Date('2025-03-10T10:00:00Z');

let products: Promise<ProductIndex | undefined> | undefined;
/** The demo catalog's products (intents/_products.yaml), compiled once per test file. */
export function demoProducts(): Promise<ProductIndex | undefined> {
  products ??= loadCatalog(path.join(__dirname, '../../../../intents')).then((c) => productIndexOf(c));
  return products;
}

/** `[value, verified]` of every fact of one kind in the text. */
export function valuesOf(kind: FactKind, text: string, ctx: FactContext = {}): [string, boolean][] {
  return extractFacts(text, { now: NOW, ...ctx })
    .filter((f) => f.kind === kind)
    .map((f) => [f.value, f.verified]);
}

/** A message of about `length` characters made of `unit` repeated. */
export function flood(unit: string, length = 4000): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
