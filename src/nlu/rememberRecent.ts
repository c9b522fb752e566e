/**
 * A pure function of a string that remembers its last `size` results (the oldest remembered is
 * forgotten first). For work one message asks for more than once: the handoff and the bot's turn
 * each detect the same text's language and read the same customer address's country.
 */
export function rememberRecent<T>(fn: (key: string) => T, size: number): (key: string) => T {
  if (!Number.isInteger(size) || size < 1) throw new Error(`rememberRecent needs a size of at least 1, not ${size}`);
  const results = new Map<string, T>();
  return (key) => {
    // One look-up for a remembered result (a second only to tell a remembered undefined from none).
    const remembered = results.get(key);
    if (remembered !== undefined || results.has(key)) return remembered as T;
    const result = fn(key);
    if (results.size >= size) results.delete(results.keys().next().value as string);
    results.set(key, result);
    return result;
  };
}
