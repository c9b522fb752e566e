import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a password must be to protect an agent account: at least 12 characters, not the e-mail
 * (nor its local part), not a common password (data/common-passwords.txt, with its source), and
 * not a common password dressed up with digits or symbols around it ("Password1234!").
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** data/ sits next to src/ and dist/, so the same relative path works compiled and under ts-jest. */
const LIST_PATH = path.resolve(__dirname, '../../data/common-passwords.txt');

let common: Set<string> | undefined;

/** The shipped list, read once. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(LIST_PATH, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
  return common;
}

/** The word inside decorations: digits and symbols stripped from both ends, lower case. */
function core(password: string): string {
  return password.toLowerCase().replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
}

/** One character or one run repeated ("aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword"). */
function isRepetition(p: string): boolean {
  return /^(.+)\1+$/su.test(p);
}

/** A run of consecutive characters ("123456789012", "abcdefghijkl"), ascending or descending. */
function isSequence(p: string): boolean {
  if (p.length < 3) return false;
  const codes = [...p.toLowerCase()].map((c) => c.codePointAt(0)!);
  const step = (i: number) => {
    const d = codes[i + 1]! - codes[i]!;
    return d === 9 ? -1 : d === -9 ? 1 : d; // 9→0 and 0→9 continue a digit run
  };
  const first = step(0);
  if (first !== 1 && first !== -1) return false;
  for (let i = 1; i < codes.length - 1; i++) if (step(i) !== first) return false;
  return true;
}

/**
 * Why a password is refused, as a sentence the user can act on, or null when it is acceptable.
 * `email` is the account's e-mail (the password may contain neither it nor its local part).
 */
export function passwordProblem(password: string, email?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `at most ${PASSWORD_MAX_LENGTH} characters`;
  if (password.trim() === '') return 'not only spaces';
  const lower = password.toLowerCase();
  if (email) {
    const e = email.trim().toLowerCase();
    const local = e.split('@')[0] ?? '';
    // What is left once the name part is taken out: a password that is mostly the name is refused.
    const rest = local.length >= 3 && lower.includes(local) ? lower.replaceAll(local, '').replace(/[\d\W_]+/gu, '') : null;
    if (lower.includes(e) || core(password) === local || (rest !== null && rest.length < 4)) {
      return 'must not be the e-mail address or its name part';
    }
  }
  const list = commonPasswords();
  const c = core(password);
  const bare = c.replace(/[\d\W_]+/gu, '');
  if (list.has(lower) || list.has(c) || (bare.length >= 4 && list.has(bare))) {
    return 'too common: it is on the list of the most used passwords; choose a longer phrase of unrelated words';
  }
  if (isRepetition(lower) || isSequence(lower) || (bare.length >= 4 && isRepetition(bare))) return 'too easy to guess: a repeated or consecutive run of characters';
  return null;
}
