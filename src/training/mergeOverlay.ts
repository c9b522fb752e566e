import path from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { CatalogFile } from '../nlu/catalog';
import type { Overlay } from './types';

/** The file new intents proposed by reviewers go to (next to the brand's files). */
export const TRAINED_INTENTS_FILE = 'trained.yaml';

export interface MergedFiles {
  files: CatalogFile[];
  /** Paths of the files the overlay changed or added, in file order. */
  changed: string[];
}

function parse(content: string): Document {
  return parseDocument(content, { version: '1.2', schema: 'core', merge: false, uniqueKeys: true });
}

/** The index of intent `id` in a parsed catalog file, or -1. */
function intentIndex(doc: Document, id: string): number {
  const intents = doc.get('intents');
  if (!isSeq(intents)) return -1;
  return intents.items.findIndex((item) => isMap(item) && item.get('id') === id);
}

/**
 * The catalog files with the overlay written into them, as a person would edit them by hand: an
 * accepted example is appended to its intent's list for its language (the list is created when the
 * intent has none in that language); proposed intents go to `trained.yaml`. The result goes through
 * the catalog loader like any hand edit, so it is validated by the same rules. Comments and layout
 * of the brand's files are kept. An example whose intent is in no file is left out here: the
 * loader cannot place it, and acceptance refuses it before it is stored.
 */
export function mergeOverlay(base: readonly CatalogFile[], overlay: Overlay, defaultLanguage: string): MergedFiles {
  const docs = new Map<number, Document>();
  const docOf = (i: number): Document => {
    let doc = docs.get(i);
    if (!doc) docs.set(i, (doc = parse((base[i] as CatalogFile).content)));
    return doc;
  };
  const proposedIds = new Set(overlay.intents.map((i) => i.id));
  const proposed = overlay.intents.map((i) => ({ ...i, examples: Object.fromEntries(Object.entries(i.examples).map(([l, t]) => [l, [...t]])) }));
  for (const example of overlay.examples) {
    if (proposedIds.has(example.intent)) {
      const target = proposed.find((p) => p.id === example.intent)!;
      (target.examples[example.lang] ??= []).push(example.text);
      continue;
    }
    const fileIndex = base.findIndex((f, i) => f.content.includes(example.intent) && intentIndex(docOf(i), example.intent) >= 0);
    if (fileIndex < 0) continue;
    const doc = docOf(fileIndex);
    const at = ['intents', intentIndex(doc, example.intent), 'examples', example.lang];
    if (isSeq(doc.getIn(at))) doc.addIn(at, example.text);
    else doc.setIn(at, doc.createNode([example.text]));
  }

  const files = base.map((f, i) => (docs.has(i) ? { path: f.path, content: String(docs.get(i)) } : { ...f }));
  const changed = base.filter((_, i) => docs.has(i)).map((f) => f.path);
  if (proposed.length > 0) {
    const nodes = proposed.map((p) => ({
      id: p.id,
      ...(p.title ? { title: p.title } : {}),
      ...(p.team ? { team: p.team } : {}),
      examples: p.examples,
      answers: { [defaultLanguage]: p.answer },
    }));
    const existing = files.findIndex((f) => path.basename(f.path) === TRAINED_INTENTS_FILE);
    const doc = existing >= 0 ? parse((files[existing] as CatalogFile).content) : parse('# Intents proposed in the training inbox.\nintents: []\n');
    const seq = doc.get('intents');
    if (isSeq(seq)) for (const node of nodes) seq.add(doc.createNode(node));
    else doc.set('intents', doc.createNode(nodes));
    const content = String(doc);
    if (existing >= 0) {
      files[existing] = { path: (files[existing] as CatalogFile).path, content };
      if (!changed.includes((files[existing] as CatalogFile).path)) changed.push((files[existing] as CatalogFile).path);
    } else {
      const dir = base[0] ? path.dirname(base[0].path) : '.';
      const added = { path: path.join(dir, TRAINED_INTENTS_FILE), content };
      files.push(added);
      changed.push(added.path);
    }
  }
  return { files, changed };
}
