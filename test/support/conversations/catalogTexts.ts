import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Every customer-facing text of a catalog directory, read from the raw YAML files so the
 * conversation benchmark judges replies without reaching into the bot's internals: intent answers,
 * slot prompts and titles (tagged with their intent), and catalog-wide messages (tagged with their key).
 */
export interface CatalogText {
  lang: string;
  /** `intent:<id>:answer`, `intent:<id>:prompt:<slot>`, `intent:<id>:title`, or `message:<key>`. */
  where: string;
  intent?: string;
  text: string;
  /** The text as a pattern: {placeholders} match anything, whitespace is loose. */
  pattern: RegExp;
}

const LANGS = new Set(['en', 'hi', 'hi-Latn', 'ur', 'ne']);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `{order_number}` becomes `.+?`; runs of whitespace match any whitespace. */
export function textPattern(text: string): RegExp {
  const parts = text.trim().split(/(\{[a-zA-Z_][\w.]*\})/);
  const body = parts
    .map((p) => (/^\{[a-zA-Z_][\w.]*\}$/.test(p) ? '[\\s\\S]+?' : escape(p).replace(/\s+/g, '\\s+')))
    .join('');
  return new RegExp(body, 'u');
}

function isLangMap(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => LANGS.has(k));
}

function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') return [(v as { text: string }).text];
  return [];
}

function collect(node: unknown, where: string, intent: string | undefined, out: CatalogText[]): void {
  if (isLangMap(node)) {
    for (const [lang, value] of Object.entries(node)) {
      for (const text of stringsOf(value)) if (text.trim()) out.push({ lang, where, intent, text, pattern: textPattern(text) });
    }
    return;
  }
  if (Array.isArray(node)) {
    for (const n of node) {
      const name = n && typeof n === 'object' ? (n as { name?: unknown; id?: unknown }).name ?? (n as { id?: unknown }).id : undefined;
      collect(n, typeof name === 'string' ? `${where}[${name}]` : where, intent, out);
    }
  }
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'examples') continue;
      collect(v, `${where}:${k}`, intent, out);
    }
  }
}

export function readCatalogTexts(dir: string): CatalogText[] {
  const out: CatalogText[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const doc = parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown> | null;
    if (!doc) continue;
    for (const [key, value] of Object.entries(doc)) {
      if (key === 'intents' && Array.isArray(value)) {
        for (const intent of value as Record<string, unknown>[]) {
          const id = String(intent.id);
          for (const [k, v] of Object.entries(intent)) if (k !== 'examples' && k !== 'id') collect(v, `intent:${id}:${k}`, id, out);
        }
      } else if (key === 'products' || key === 'categories') {
        // Product names and aliases ("ac", "tv") are what customers write, not what the bot says:
        // as patterns they would match inside any reply ("feedback").
        continue;
      } else if (key === 'messages') {
        for (const [name, v] of Object.entries(value as Record<string, unknown>)) collect(v, `message:${name}`, undefined, out);
      } else {
        collect(value, `catalog:${key}`, undefined, out);
      }
    }
  }
  return out;
}

/** Every catalog example, normalised, so scripts can prove they were written freshly. */
export function readCatalogExamples(dir: string): Set<string> {
  const out = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = parse(readFileSync(path.join(dir, file), 'utf8')) as { intents?: { examples?: Record<string, string[]> }[] } | null;
    for (const intent of doc?.intents ?? []) for (const list of Object.values(intent.examples ?? {})) for (const e of list) out.add(normaliseLine(e));
  }
  return out;
}

export function normaliseLine(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\s\p{P}]+/gu, ' ').trim();
}
