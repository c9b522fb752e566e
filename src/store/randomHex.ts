import { randomFillSync } from 'node:crypto';

/**
 * Random bytes as hex for ids and lock tokens, drawn from a pool the system's CSPRNG refills 4 KiB
 * at a time: one call into the CSPRNG per few hundred ids instead of one per id (a measurable share
 * of a message's CPU). The same randomness; not for secrets that must never sit in memory (tokens
 * and salts keep calling randomBytes directly).
 */
const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = POOL_BYTES;

export function randomHex(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes <= 0 || bytes > POOL_BYTES) throw new RangeError(`randomHex: bytes must be an integer from 1 to ${POOL_BYTES}`);
  if (offset + bytes > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + bytes);
  offset += bytes;
  return hex;
}
