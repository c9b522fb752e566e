/** Redis stream ids ("1718000000000-3"): validation and ordering. */
export const STREAM_ID_PATTERN = /^\d{1,20}-\d{1,20}$/;

export function isStreamId(value: string): boolean {
  return STREAM_ID_PATTERN.test(value);
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0n, as = 0n] = a.split('-').map((p) => BigInt(p));
  const [bm = 0n, bs = 0n] = b.split('-').map((p) => BigInt(p));
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;
  return 0;
}

export function millisecondsPart(id: string): string {
  return id.split('-')[0] ?? '0';
}
