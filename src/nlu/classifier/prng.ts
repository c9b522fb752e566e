/** A small seeded pseudo-random generator (mulberry32), so training is reproducible. */
export type Random = () => number;

/**
 * The state lives in a Uint32Array rather than a closure variable: a number at or above 2^31 in a
 * closure variable is boxed, so every call allocated. The SVM solver calls this millions of times
 * per training (CLINC150: 22 young-generation collections during the SVM before, 9 after); the
 * sequence is the same.
 */
export function createRandom(seed: number): Random {
  const state = Uint32Array.of(seed);
  return () => {
    state[0] = (state[0] as number) + 0x6d2b79f5;
    let t = state[0] as number;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace<T>(items: T[] | Int32Array, random: Random): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
}
