import { contentTokens, jaccard } from './tokenOverlap';

export interface Clusterable {
  id: string;
  text: string;
  lang: string;
}

export interface Cluster {
  /** Item ids, oldest first (as given). */
  itemIds: string[];
  /** Words most of the cluster's messages share, most shared (then longest) first: a name to start from. */
  sharedWords: string[];
  languages: string[];
}

/** Two messages are linked when their content words overlap at least this much (Jaccard). */
export const CLUSTER_SIMILARITY = 0.34;

/**
 * Groups similar pending messages so a reviewer can make one new intent of them: single-link
 * clustering by word overlap (two messages are linked when the Jaccard index of their content words
 * is at least `similarity`; a cluster is a connected group). Groups of fewer than `minSize`
 * messages are left out. Quadratic in the number of items: the caller bounds it.
 */
export function clusterItems(items: readonly Clusterable[], opts: { similarity?: number; minSize?: number } = {}): Cluster[] {
  const similarity = opts.similarity ?? CLUSTER_SIMILARITY;
  const minSize = opts.minSize ?? 2;
  const tokens = items.map((i) => contentTokens(i.text));
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      if (jaccard(tokens[a] as Set<string>, tokens[b] as Set<string>) >= similarity) parent[root(b)] = root(a);
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()]
    .filter((g) => g.length >= minSize)
    .map((g) => {
      const counts = new Map<string, number>();
      for (const i of g) for (const t of tokens[i] as Set<string>) counts.set(t, (counts.get(t) ?? 0) + 1);
      const sharedWords = [...counts.entries()]
        .filter(([, n]) => n >= Math.ceil(g.length / 2))
        .sort((x, y) => y[1] - x[1] || [...y[0]].length - [...x[0]].length || (x[0] < y[0] ? -1 : 1))
        .slice(0, 5)
        .map(([w]) => w);
      return {
        itemIds: g.map((i) => (items[i] as Clusterable).id),
        sharedWords,
        languages: [...new Set(g.map((i) => (items[i] as Clusterable).lang))],
      };
    })
    .sort((x, y) => y.itemIds.length - x.itemIds.length);
}
