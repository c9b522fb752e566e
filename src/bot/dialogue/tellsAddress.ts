import { phraseText } from './phraseMatch';

/**
 * Words that place an address: "4th floor, Orion Tower, Bandra", "flat 302, sector 21", "गली नंबर 4,
 * शिव नगर", "makan no 12, gali 3", "فلیٹ 5، بلاک سی", "वडा नं ४, बानेश्वर चोक". Matched as whole words.
 */
const ADDRESS_WORDS = new Set(
  [
    // en
    'floor', 'flat', 'house', 'road', 'rd', 'street', 'lane', 'sector', 'tower', 'block', 'apartment', 'apartments', 'apt',
    'building', 'bldg', 'colony', 'society', 'plot', 'landmark', 'pincode', 'nagar', 'near', 'opposite', 'opp',
    // hi, hi-Latn
    'मंजिल', 'मंज़िल', 'फ्लोर', 'फ्लैट', 'मकान', 'गली', 'नगर', 'कॉलोनी', 'सेक्टर', 'रोड', 'ब्लॉक', 'पिनकोड', 'मोहल्ला',
    'manzil', 'makan', 'gali', 'mohalla', 'colony',
    // ur
    'منزل', 'فلیٹ', 'مکان', 'گلی', 'نگر', 'کالونی', 'سیکٹر', 'روڈ', 'بلاک', 'محلہ', 'نزد',
    // ne, and romanised
    'तला', 'टोल', 'चोक', 'मार्ग', 'वडा', 'tol', 'chok', 'marg', 'wada', 'tala',
  ].map((w) => phraseText(w).trim()),
);

/**
 * Does the text tell an address: a word that places one beside a number ("4th floor", "flat 302"),
 * or two such words ("near shiv nagar colony")?
 */
export function tellsAddress(text: string): boolean {
  const words = phraseText(text).trim().split(' ');
  const placing = words.filter((w) => ADDRESS_WORDS.has(w)).length;
  return placing >= 2 || (placing === 1 && words.some((w) => /\p{N}/u.test(w)));
}
