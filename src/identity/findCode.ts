import { toAsciiDigits } from '../nlu/slots/digits';

/** Longest message still read as "here is my code" (longer ones are about something else). */
const MAX_CODE_MESSAGE_LENGTH = 80;

/**
 * The 6-digit code in a short message ("123456", "code: 123 456", "मेरा कोड १२३४५६ है"), or null.
 * A message with any other number in it is not a code attempt, so "order 12, code 123456" and
 * long messages that happen to hold six digits do not burn one of the customer's attempts.
 */
export function findCode(text: string): string | null {
  const t = toAsciiDigits(text).trim();
  if (t.length === 0 || t.length > MAX_CODE_MESSAGE_LENGTH) return null;
  const runs = t.match(/\d+(?:[ -]\d+)*/g) ?? [];
  if (runs.length !== 1) return null;
  const digits = runs[0]!.replace(/[ -]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
