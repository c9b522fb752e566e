import { randomBytes } from 'node:crypto';

/** Sortable, unique ids: a kind, time in base36 and randomness ("ag_lq2x9a1b_3f9a1c2d4e"). */
export function newId(kind: string): string {
  return `${kind}_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
}
