/**
 * An open-addressing hash table from 32-bit feature hashes to small non-negative integers, over
 * typed arrays: no Map, no boxing, no allocation on lookup. Used for document frequencies while
 * training and for the vocabulary (hash → feature index) at classification time.
 */
const EMPTY = -1;

export class HashIndex {
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expectedSize = 1024) {
    let capacity = 16;
    while (capacity < expectedSize * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const { keys, values, mask } = this;
    let slot = mix(key) & mask;
    for (;;) {
      const value = values[slot] as number;
      if (value === EMPTY || keys[slot] === key) return value;
      slot = (slot + 1) & mask;
    }
  }

  /** The slot holding `key`, inserting it with `initial` if absent. */
  private slotOf(key: number, initial: number): number {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const { keys, values, mask } = this;
    let slot = mix(key) & mask;
    for (;;) {
      const value = values[slot] as number;
      if (value === EMPTY) {
        keys[slot] = key;
        values[slot] = initial;
        this.count++;
        return slot;
      }
      if (keys[slot] === key) return slot;
      slot = (slot + 1) & mask;
    }
  }

  set(key: number, value: number): void {
    this.values[this.slotOf(key, value)] = value;
  }

  /** Adds one to the value of `key` (absent keys start at 0); returns the new value. */
  increment(key: number): number {
    const slot = this.slotOf(key, 0);
    const value = (this.values[slot] as number) + 1;
    this.values[slot] = value;
    return value;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2).fill(EMPTY);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let slot = 0; slot < oldKeys.length; slot++) {
      const value = oldValues[slot] as number;
      if (value !== EMPTY) this.set(oldKeys[slot] as number, value);
    }
  }
}

/** Spreads FNV hashes (whose low bits are weak) over the table. */
function mix(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
