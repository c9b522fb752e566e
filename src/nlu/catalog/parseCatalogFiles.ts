import type { Catalog, CatalogMessages, FormatHints, FulfillmentSpec, Lang, LangText } from '../types';
import { collectProducts } from './collectProducts';
import { DEFAULT_FORMAT_HINTS } from './defaultFormatHints';
import { DEFAULT_MESSAGES } from './defaultMessages';
import { describeZodIssues } from './describeZodIssues';
import { interpolateEnv } from './interpolateEnv';
import { catalogError, formatPath, type CatalogIssue } from './issues';
import { CATALOG_LIMITS } from './limits';
import { normaliseIntent } from './normaliseIntent';
import { parseYamlFile, type Position } from './parseYamlFile';
import { catalogFileSchema, FORMAT_HINT_KINDS, isHttpUrl, type RawCatalogFile, type RawAnswerValue, type RawIntent, type RawLangText } from './schema';

export interface CatalogFile {
  /** Shown in error messages and in `Catalog.files`, e.g. `intents/orders.yaml`. */
  path: string;
  content: string;
  /** Size on disk in bytes, when known: a file over the limit is refused without being read. */
  size?: number;
}

interface ParsedFile {
  path: string;
  raw: RawCatalogFile;
  locate(path: readonly PropertyKey[], key?: string): Position | undefined;
}

const MESSAGE_KINDS = [
  'fallback',
  'clarify',
  'handoff',
  'fulfillmentError',
  'acknowledge',
  'thanks',
  'greeting',
  'goodbye',
  'whatElse',
  'wait',
  'voiceNote',
  'attachment',
  'rephrase',
  'noValue',
  'repeated',
  'promptAgain',
  'menu',
  'unclearPart',
  'unclearPartChoice',
] as const;
const SETTING_KEYS = ['languages', 'defaultLanguage', 'messages', 'topics', 'bareFacts', 'productFault', 'wrongItem'] as const;
const DEFAULT_LANGUAGE = 'en';

class IssueList {
  readonly items: CatalogIssue[] = [];

  add(file: string, path: readonly PropertyKey[], message: string, position?: Position): void {
    this.items.push({
      file,
      path: formatPath(path),
      message,
      ...(position ? { line: position.line, column: position.column } : {}),
    });
  }

  at(file: ParsedFile, path: readonly PropertyKey[], message: string, key?: string): void {
    this.add(file.path, key === undefined ? path : [...path, key], message, file.locate(path, key));
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const segment of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[segment];
  }
  return v;
}

/** The ids a file declares, read leniently: a file with schema errors still defines its intents for references. */
function declaredIds(value: unknown): string[] {
  const intents = valueAt(value, ['intents']);
  if (!Array.isArray(intents)) return [];
  return intents.map((i) => valueAt(i, ['id'])).filter((id): id is string => typeof id === 'string');
}

function parseOneFile(file: CatalogFile, issues: IssueList, knownIds: Set<string>): ParsedFile | undefined {
  const bytes = Math.max(file.size ?? 0, Buffer.byteLength(file.content, 'utf8'));
  if (bytes > CATALOG_LIMITS.maxFileBytes) {
    issues.add(file.path, [], `file too large (${bytes} bytes; at most ${CATALOG_LIMITS.maxFileBytes} bytes per file)`);
    return undefined;
  }
  const yaml = parseYamlFile(file.content);
  if (!yaml.ok) {
    for (const p of yaml.problems) issues.add(file.path, [], p.message, p.position);
    return undefined;
  }
  const value = yaml.value;
  if (value === null || value === undefined) {
    issues.add(file.path, [], 'the file is empty; expected a mapping with intents:');
    return undefined;
  }
  const rawIntents = (value as { intents?: unknown }).intents;
  if (Array.isArray(rawIntents) && rawIntents.length > CATALOG_LIMITS.maxIntents) {
    issues.add(file.path, ['intents'], `too many intents (${rawIntents.length}; at most ${CATALOG_LIMITS.maxIntents} in the whole catalog)`);
    return undefined;
  }
  const parsed = catalogFileSchema.safeParse(value);
  if (!parsed.success) {
    for (const id of declaredIds(value)) knownIds.add(id);
    for (const problem of describeZodIssues(parsed.error.issues)) {
      if (problem.wrongType && valueAt(value, problem.path) === undefined) {
        const name = String(problem.path[problem.path.length - 1] ?? 'value');
        problem.message = `"${name}" is required`;
      }
      const path = problem.key !== undefined && problem.path[problem.path.length - 1] !== problem.key
        ? [...problem.path, problem.key]
        : problem.path;
      const position = yaml.locate(problem.key !== undefined ? path.slice(0, -1) : path, problem.key);
      issues.add(file.path, path, problem.message, position);
    }
    return undefined;
  }
  return { path: file.path, raw: parsed.data, locate: yaml.locate };
}

function langTextKeys(raw: RawLangText | undefined): string[] {
  return raw === undefined || typeof raw === 'string' ? [] : Object.keys(raw);
}

/** Every (path, language) pair an intent uses, to check against the declared `languages`. */
function languagesUsedBy(intent: RawIntent): { path: PropertyKey[]; lang: Lang }[] {
  const used: { path: PropertyKey[]; lang: Lang }[] = [];
  const add = (path: PropertyKey[], langs: string[]) => langs.forEach((lang) => used.push({ path: [...path, lang], lang }));
  add(['examples'], Object.keys(intent.examples));
  add(['title'], langTextKeys(intent.title));
  intent.slots?.forEach((slot, i) => add(['slots', i, 'prompt'], langTextKeys(slot.prompt)));
  intent.quickReplies?.forEach((qr, i) => add(['quickReplies', i, 'title'], langTextKeys(qr.title)));
  for (const { path: at, answers } of answerSetsOf(intent)) {
    add(at, Object.keys(answers));
    for (const [lang, value] of Object.entries(answers)) {
      const variants = Array.isArray(value) ? value : [value];
      variants.forEach((variant, v) => {
        if (typeof variant === 'string') return;
        variant.quickReplies?.forEach((qr, i) => {
          const path = Array.isArray(value) ? [...at, lang, v, 'quickReplies', i, 'title'] : [...at, lang, 'quickReplies', i, 'title'];
          add(path, langTextKeys(qr.title));
        });
      });
    }
  }
  return used;
}

/** The intent's general answers and each product-specific set, with their paths. */
function answerSetsOf(intent: RawIntent): { path: PropertyKey[]; answers: Record<string, RawAnswerValue> }[] {
  const sets: { path: PropertyKey[]; answers: Record<string, RawAnswerValue> }[] = [];
  if (intent.answers) sets.push({ path: ['answers'], answers: intent.answers });
  intent.answersFor?.forEach((set, i) => sets.push({ path: ['answersFor', i, 'answers'], answers: set.answers }));
  return sets;
}

/** Every quick-reply payload of an intent with its path. */
function payloadsOf(intent: RawIntent): { path: PropertyKey[]; payload: string }[] {
  const out: { path: PropertyKey[]; payload: string }[] = [];
  intent.quickReplies?.forEach((qr, i) => out.push({ path: ['quickReplies', i, 'payload'], payload: qr.payload }));
  for (const { path: at, answers } of answerSetsOf(intent)) {
    for (const [lang, value] of Object.entries(answers)) {
      const variants = Array.isArray(value) ? value : [value];
      variants.forEach((variant, v) => {
        if (typeof variant === 'string') return;
        variant.quickReplies?.forEach((qr, i) => {
          const base = Array.isArray(value) ? [...at, lang, v] : [...at, lang];
          out.push({ path: [...base, 'quickReplies', i, 'payload'], payload: qr.payload });
        });
      });
    }
  }
  return out;
}

function resolveFulfillment(
  intent: RawIntent,
  file: ParsedFile,
  path: PropertyKey[],
  env: NodeJS.ProcessEnv,
  issues: IssueList,
): FulfillmentSpec | undefined {
  if (!intent.fulfillment) return undefined;
  const urlPath = [...path, 'fulfillment', 'url'];
  const result = interpolateEnv(intent.fulfillment.url, env);
  if (!result.ok) {
    issues.at(file, urlPath, result.message);
    return undefined;
  }
  // An unset or empty variable means "no fulfillment here": the static answer is used.
  if (result.value === '' || result.missing.length > 0) return undefined;
  if (!isHttpUrl(result.value)) {
    const via = result.used.length > 0 ? ` (after replacing ${result.used.map((v) => `\${${v}}`).join(', ')})` : '';
    issues.at(file, urlPath, `expected an absolute http:// or https:// URL${via}`);
    return undefined;
  }
  return {
    url: result.value,
    ...(intent.fulfillment.timeoutMs !== undefined ? { timeoutMs: intent.fulfillment.timeoutMs } : {}),
  };
}

/**
 * Parses and validates a whole catalog from its files' contents (pure: no file system).
 * Throws one CATALOG_INVALID error listing every problem in every file.
 */
export function parseCatalogFiles(files: CatalogFile[], env: NodeJS.ProcessEnv = process.env): Catalog {
  const issues = new IssueList();
  if (files.length === 0) {
    issues.add('catalog', [], 'no catalog files (*.yaml, *.yml) found');
    throw catalogError(issues.items);
  }
  const knownIds = new Set<string>();
  const parsed = files.map((f) => parseOneFile(f, issues, knownIds)).filter((f): f is ParsedFile => f !== undefined);

  // Catalog-wide settings: in at most one file.
  const settingsFiles = parsed.filter((f) => SETTING_KEYS.some((k) => f.raw[k] !== undefined));
  const settingsFile = settingsFiles[0];
  for (const extra of settingsFiles.slice(1)) {
    const key = SETTING_KEYS.find((k) => extra.raw[k] !== undefined) ?? 'languages';
    issues.at(extra, [], `catalog-wide settings (${SETTING_KEYS.join(', ')}) must be in one file only; already set in ${settingsFile?.path}`, key);
  }
  const settings = settingsFile?.raw ?? {};
  const declaredLanguages = settings.languages;
  const defaultLanguage = settings.defaultLanguage ?? DEFAULT_LANGUAGE;

  // Intents across files: count, unique ids.
  const entries = parsed.flatMap((file) => (file.raw.intents ?? []).map((intent, index) => ({ file, intent, index })));
  if (entries.length > CATALOG_LIMITS.maxIntents) {
    issues.add('catalog', [], `too many intents (${entries.length}; at most ${CATALOG_LIMITS.maxIntents} in the whole catalog)`);
  }
  const firstDefinition = new Map<string, { file: ParsedFile; index: number }>();
  for (const { file, intent, index } of entries) {
    const first = firstDefinition.get(intent.id);
    if (first) {
      const where = first.file === file ? `intents[${first.index}]` : `${first.file.path} intents[${first.index}]`;
      issues.at(file, ['intents', index, 'id'], `duplicate intent id "${intent.id}" (already defined at ${where})`);
    } else {
      firstDefinition.set(intent.id, { file, index });
      knownIds.add(intent.id);
    }
  }

  // Languages: declared, or every language that appears in examples (default language first).
  const exampleLanguages = [...new Set(entries.flatMap((e) => Object.keys(e.intent.examples)))];
  let languages: Lang[];
  if (declaredLanguages) {
    languages = [...new Set(declaredLanguages)];
    if (!languages.includes(defaultLanguage) && settingsFile) {
      issues.at(settingsFile, ['defaultLanguage'], `the default language "${defaultLanguage}" is not in languages [${languages.join(', ')}]`);
    }
  } else {
    languages = [defaultLanguage, ...exampleLanguages.filter((l) => l !== defaultLanguage)];
    if (entries.length > 0 && !exampleLanguages.includes(defaultLanguage)) {
      const where = settingsFile ? undefined : 'catalog';
      const message = `the default language "${defaultLanguage}" has no examples; add examples in it or set defaultLanguage`;
      if (settingsFile && settingsFile.raw.defaultLanguage !== undefined) issues.at(settingsFile, ['defaultLanguage'], message);
      else issues.add(where ?? 'catalog', [], message);
    }
  }
  const isDeclared = (lang: Lang) => !declaredLanguages || languages.includes(lang);

  // Per-intent rules.
  const fulfillments = new Map<RawIntent, FulfillmentSpec | undefined>();
  for (const { file, intent, index } of entries) {
    const at = ['intents', index];
    for (const { path, lang } of languagesUsedBy(intent)) {
      if (!isDeclared(lang)) issues.at(file, [...at, ...path], `language "${lang}" is not in languages [${languages.join(', ')}]`);
    }
    if (!intent.handoff && intent.answers && Object.keys(intent.answers).length > 0 && intent.answers[defaultLanguage] === undefined) {
      issues.at(file, [...at, 'answers'], `needs an answer in "${defaultLanguage}" (the default language, used when a language has no answer)`);
    }
    intent.answersFor?.forEach((set, i) => {
      if (set.answers[defaultLanguage] === undefined) {
        issues.at(file, [...at, 'answersFor', i, 'answers'], `needs an answer in "${defaultLanguage}" (the default language, used when a language has no answer)`);
      }
    });
    intent.slots?.forEach((slot, i) => {
      if (typeof slot.prompt !== 'string' && slot.prompt[defaultLanguage] === undefined) {
        issues.at(file, [...at, 'slots', i, 'prompt'], `needs a text in "${defaultLanguage}" (the default language)`);
      }
    });
    intent.followUps?.forEach((id, i) => {
      if (!knownIds.has(id)) issues.at(file, [...at, 'followUps', i], `follow-up "${id}" names no intent in the catalog`);
    });
    for (const [slot, id] of Object.entries(intent.onceHeld ?? {})) {
      if (!knownIds.has(id)) issues.at(file, [...at, 'onceHeld', slot], `"${id}" names no intent in the catalog`);
    }
    for (const { path, payload } of payloadsOf(intent)) {
      const target = /^intent:(.*)$/.exec(payload)?.[1];
      if (target !== undefined && !knownIds.has(target)) {
        issues.at(file, [...at, ...path], `quick reply payload "${payload}" names no intent in the catalog`);
      }
    }
    fulfillments.set(intent, resolveFulfillment(intent, file, at, env, issues));
  }

  // Topics menu and bare facts name intents.
  settings.topics?.forEach((id, i) => {
    if (settingsFile && !knownIds.has(id)) issues.at(settingsFile, ['topics', i], `topic "${id}" names no intent in the catalog`);
  });
  for (const [slot, id] of Object.entries(settings.bareFacts ?? {})) {
    if (settingsFile && !knownIds.has(id)) issues.at(settingsFile, ['bareFacts', slot], `"${id}" names no intent in the catalog`);
  }
  for (const key of ['productFault', 'wrongItem'] as const) {
    const id = settings[key];
    if (settingsFile && id !== undefined && !knownIds.has(id)) issues.at(settingsFile, [key], `"${id}" names no intent in the catalog`);
  }

  // Messages: built-in defaults for the catalog's languages, overridden by the catalog.
  const messages = {} as Required<CatalogMessages>;
  for (const kind of MESSAGE_KINDS) {
    const custom = settings.messages?.[kind] ?? {};
    const merged: LangText = {};
    for (const lang of languages) {
      const text = custom[lang] ?? DEFAULT_MESSAGES[kind][lang];
      if (text !== undefined) merged[lang] = text;
    }
    for (const lang of Object.keys(custom)) {
      if (!isDeclared(lang) && settingsFile) issues.at(settingsFile, ['messages', kind, lang], `language "${lang}" is not in languages [${languages.join(', ')}]`);
    }
    if (merged[defaultLanguage] === undefined) {
      const message = `needs a text in "${defaultLanguage}" (the default language has no built-in ${kind} message)`;
      if (settingsFile) issues.at(settingsFile, ['messages', kind], message);
      else issues.add('catalog', ['messages', kind], message);
    }
    messages[kind] = merged;
  }

  // Format hints: built-in per kind, overridden per language by the catalog.
  const formatHints: FormatHints = {};
  for (const kind of FORMAT_HINT_KINDS) {
    const custom = settings.messages?.formatHints?.[kind] ?? {};
    const merged: LangText = {};
    for (const lang of languages) {
      const text = custom[lang] ?? DEFAULT_FORMAT_HINTS[kind]?.[lang];
      if (text !== undefined) merged[lang] = text;
    }
    for (const lang of Object.keys(custom)) {
      if (!isDeclared(lang) && settingsFile) issues.at(settingsFile, ['messages', 'formatHints', kind, lang], `language "${lang}" is not in languages [${languages.join(', ')}]`);
    }
    if (Object.keys(merged).length > 0) formatHints[kind] = merged;
  }
  messages.formatHints = formatHints;

  // Products and categories, from any file.
  const products = collectProducts(
    parsed.map((file) => ({ file, categories: file.raw.categories ?? [], products: file.raw.products ?? [] })),
    { defaultLanguage, isDeclared, languages, fileName: (file) => file.path },
    (file, path, message) => issues.at(file, path, message),
  );

  // Product-specific answers name products or categories the catalog lists.
  const productIds = new Set([...products.categories.map((c) => c.id), ...products.products.map((p) => p.id)]);
  for (const { file, intent, index } of entries) {
    intent.answersFor?.forEach((set, i) => {
      set.products.forEach((id, j) => {
        if (!productIds.has(id)) {
          issues.at(file, ['intents', index, 'answersFor', i, 'products', j], `"${id}" names no product or category in the catalog (categories: and products:)`);
        }
      });
    });
  }

  if (issues.items.length > 0) throw catalogError(issues.items);

  return {
    languages,
    defaultLanguage,
    messages,
    intents: entries.map(({ file, intent }) => normaliseIntent(intent, file.path, defaultLanguage, fulfillments.get(intent))),
    ...(settings.topics ? { topics: [...new Set(settings.topics)] } : {}),
    ...(settings.bareFacts ? { bareFacts: { ...settings.bareFacts } } : {}),
    ...(settings.productFault !== undefined ? { productFault: settings.productFault } : {}),
    ...(settings.wrongItem !== undefined ? { wrongItem: settings.wrongItem } : {}),
    ...(products.categories.length + products.products.length > 0 ? { products } : {}),
    files: files.map((f) => f.path),
  };
}
