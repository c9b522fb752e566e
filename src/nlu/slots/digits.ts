/**
 * Customers type digits in their own script: Devanagari (०-९, hi and ne), Arabic-Indic (٠-٩) and
 * Extended Arabic-Indic (۰-۹, Urdu keyboards). Every one is a single UTF-16 code unit, so the
 * conversion keeps string length and positions: a match found in the converted text sits at the
 * same offsets in the original.
 */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0xff10];
const NON_ASCII_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0A66-\u0A6F\u0AE6-\u0AEF\uFF10-\uFF19]/g;

export function toAsciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGITS, (ch) => {
    const code = ch.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9) as number;
    return String.fromCharCode(0x30 + code - zero);
  });
}
