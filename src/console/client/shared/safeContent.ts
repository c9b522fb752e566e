/**
 * What customers send is shown to agents as inert content. Two rules, as pure functions:
 *  - only `https:` URLs and URLs of the page's own origin become links or images; anything else
 *    (`javascript:`, `data:`, `vbscript:`, `http:` to another host, `blob:`, …) stays plain text;
 *  - bidirectional control characters cannot reorder what an agent reads: embeddings, overrides
 *    and isolates are shown as visible markers ("invoice‹RLO›fdp.exe", never "invoiceexe.pdf"),
 *    and the invisible direction marks are dropped. Right-to-left scripts (Urdu) need none of
 *    them: the elements that show customer text carry dir="auto" and are isolated (<bdi>).
 */

// C0 controls and DEL are exactly what this pattern is for.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f]/g;
const hasControls = (s: string) => new RegExp(CONTROLS.source).test(s);
const stripControls = (s: string) => s.replace(CONTROLS, '');

/** A URL that may be opened or loaded, as the absolute URL to use; null when it must stay text. */
export function safeUrl(raw: string | null | undefined, pageOrigin: string): string | null {
  if (typeof raw !== 'string') return null;
  // Browsers drop ASCII tab/newline and leading/trailing C0 controls/spaces before parsing; do the
  // same so "java\tscript:" cannot hide, then refuse anything still holding controls.
  const cleaned = raw.replace(/[\t\n\r]/g, '').trim();
  if (cleaned === '' || hasControls(cleaned)) return null;
  let url: URL;
  try {
    url = new URL(cleaned, pageOrigin);
  } catch {
    return null;
  }
  if (url.username || url.password) return null; // "https://bank.example@evil.example/"
  if (url.protocol === 'https:') return url.href;
  if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === new URL(pageOrigin).origin) return url.href;
  return null;
}

/** The bidi controls that change the order of what follows: embeddings, overrides and isolates. */
const BIDI_FORMATTING: Record<string, string> = {
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};
/** Invisible direction marks (LRM, RLM, ALM): dropped. */
const BIDI_MARKS = /[\u200E\u200F\u061C]/g;
const BIDI_FORMATTING_RE = /[\u202A-\u202E\u2066-\u2069]/g;

/** True when the text holds any bidi control character. */
export function hasBidiControls(text: string): boolean {
  return /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/.test(text);
}

/** The text with bidi controls made harmless: formatting controls shown as ‹RLO›-style markers, marks removed. */
export function neutraliseBidi(text: string): string;
export function neutraliseBidi(text: string | undefined): string | undefined;
export function neutraliseBidi(text: string | undefined): string | undefined {
  if (text === undefined || !hasBidiControls(text)) return text;
  return text.replace(BIDI_MARKS, '').replace(BIDI_FORMATTING_RE, (c) => `\u2039${BIDI_FORMATTING[c]}\u203A`);
}

/** The file name a media URL points at (last path segment, decoded), made safe to show; undefined when none. */
export function fileNameOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, 'https://placeholder.invalid').pathname;
  } catch {
    return undefined;
  }
  const last = path.split('/').filter(Boolean).pop();
  if (!last) return undefined;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    /* keep it encoded */
  }
  return neutraliseBidi(stripControls(name)).slice(0, 120);
}

/** A URL shown as text (never as a link): bidi-safe and cut to a readable length. */
export function urlAsText(raw: string): string {
  const t = neutraliseBidi(stripControls(raw));
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}
