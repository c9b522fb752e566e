/**
 * How the search index keeps a conversation id as a sorted-set member: a conversation id as newId
 * writes it (`c_<ms in base 36>_<10 hex digits>`, 21 characters) packed into 14, the 82 bits it
 * holds (42 of time, 40 of randomness) in base 64 with a first character of punctuation that no
 * id starts with. Every word a customer writes holds one member per conversation, so the 7 bytes
 * are most of what a word's entry saves. Any other id (or one whose time no longer fits 42 bits)
 * is kept as it is, and members written as whole ids before read the same.
 */

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** The first character: the top 4 bits. None of these starts an id (ids start with their kind's letters). */
const FIRST = '!#$%&()*+,;=@[]^';
const PACKED_LENGTH = 14;
const TIME_BITS = 42n;
const RANDOM_BITS = 40n;
const ID = /^c_([0-9a-z]{1,9})_([0-9a-f]{10})$/;

/** The member a conversation id is indexed under. */
export function packIndexMember(conversationId: string): string {
  const m = ID.exec(conversationId);
  if (!m) return conversationId;
  const time = BigInt(parseInt(m[1]!, 36));
  if (time.toString(36) !== m[1] || time >= 1n << TIME_BITS) return conversationId;
  let v = (time << RANDOM_BITS) | BigInt(`0x${m[2]}`);
  let out = '';
  for (let i = 0; i < PACKED_LENGTH - 1; i++) {
    out = DIGITS[Number(v & 63n)]! + out;
    v >>= 6n;
  }
  return FIRST[Number(v)]! + out;
}

/** The conversation id a member names (a packed one unpacked, any other as it is). */
export function unpackIndexMember(member: string): string {
  const top = FIRST.indexOf(member[0] ?? '');
  if (top < 0 || member.length !== PACKED_LENGTH) return member;
  let v = BigInt(top);
  for (let i = 1; i < PACKED_LENGTH; i++) {
    const d = DIGITS.indexOf(member[i]!);
    if (d < 0) return member;
    v = (v << 6n) | BigInt(d);
  }
  const time = v >> RANDOM_BITS;
  const random = v & ((1n << RANDOM_BITS) - 1n);
  return `c_${time.toString(36)}_${random.toString(16).padStart(10, '0')}`;
}
