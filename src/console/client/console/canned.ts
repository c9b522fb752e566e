import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../shared/api';
import type { CannedAnswer } from '../shared/types';
import { itemsOf } from './useInbox';

/** The `/word` being typed when the whole draft is a shortcut, else null. */
export function shortcutQuery(draft: string): string | null {
  const m = /^\/(\S*)$/.exec(draft);
  return m ? (m[1] ?? '').toLowerCase() : null;
}

/** Shortcut prefix matches first, then shortcut or title containing the query. */
export function matchCanned(all: CannedAnswer[], q: string): CannedAnswer[] {
  const norm = (s: string) => s.replace(/^\//, '').toLowerCase();
  const prefix = all.filter((a) => norm(a.shortcut).startsWith(q));
  const rest = all.filter((a) => !prefix.includes(a) && (norm(a.shortcut).includes(q) || a.title.toLowerCase().includes(q)));
  return [...prefix, ...rest].slice(0, 8);
}

/**
 * The conversation's language first, then answers for any language, then the others: where one
 * shortcut exists in several languages, the customer's own comes up first.
 */
export function languageFirst(all: CannedAnswer[], language: string | undefined): CannedAnswer[] {
  const rank = (a: CannedAnswer) => (language !== undefined && a.language === language ? 0 : a.language === undefined ? 1 : 2);
  return [...all].sort((a, b) => rank(a) - rank(b));
}

const cache = new Map<string, Promise<CannedAnswer[]>>();

export function useCannedAnswers(team: string | undefined): CannedAnswer[] {
  const [items, setItems] = useState<CannedAnswer[]>([]);
  useEffect(() => {
    const key = team ?? '';
    let p = cache.get(key);
    if (!p) {
      p = api
        .get<CannedAnswer[] | { items: CannedAnswer[] }>(`/canned-answers${query({ team })}`)
        .then(itemsOf)
        .catch(() => {
          cache.delete(key);
          return [];
        });
      cache.set(key, p);
    }
    let live = true;
    void p.then((r) => live && setItems(r));
    return () => {
      live = false;
    };
  }, [team]);
  return items;
}
