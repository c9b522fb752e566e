import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * JSON values kept in Redis as strings of their own (a conversation's bot state, its handoff
 * packet) are stored deflated: one byte naming the dictionary, then the JSON compressed with
 * deflate-raw and that preset dictionary. A few hundred bytes of JSON compress poorly alone (the
 * field names appear once); the dictionary holds the field names and fixed values of the shape, so
 * a bot state of 600 bytes keeps about 170. A value written before, plain JSON, starts with `{`
 * (or another printable character) and is read as it is.
 *
 * A dictionary's bytes must never change once values were written with it: a new one gets a new id.
 */
export interface JsonDictionary {
  /** 1…31: the value's first byte (below any printable character, so never the start of plain JSON). */
  id: number;
  bytes: Buffer;
}

/** A dictionary from the strings most likely to appear, most likely last (deflate reaches the end of a dictionary most cheaply). */
export function jsonDictionary(id: number, parts: readonly string[]): JsonDictionary {
  if (!Number.isInteger(id) || id < 1 || id > 31) throw new Error(`a JSON dictionary id must be 1…31, not ${id}`);
  return { id, bytes: Buffer.from(parts.join(''), 'utf8') };
}

export function packJson(json: string, dictionary: JsonDictionary): Buffer {
  return Buffer.concat([Buffer.from([dictionary.id]), deflateRawSync(Buffer.from(json, 'utf8'), { level: 9, dictionary: dictionary.bytes })]);
}

/**
 * The JSON text of a stored value: inflated with its dictionary, or as it is when it was written as
 * plain JSON. Null when there is none, or when it names a dictionary not given or does not inflate.
 */
export function unpackJson(raw: Buffer | null, dictionaries: readonly JsonDictionary[]): string | null {
  if (!raw || raw.length === 0) return null;
  const first = raw[0]!;
  if (first >= 32) return raw.toString('utf8');
  const dictionary = dictionaries.find((d) => d.id === first);
  if (!dictionary) return null;
  try {
    return inflateRawSync(raw.subarray(1), { dictionary: dictionary.bytes }).toString('utf8');
  } catch {
    return null;
  }
}
