import { randomHex } from '../store/randomHex';

/** Sortable, unique ids: a kind, time in base36 and randomness ("ag_lq2x9a1b_3f9a1c2d4e"). */
export function newId(kind: string): string {
  return `${kind}_${Date.now().toString(36)}_${randomHex(5)}`;
}
