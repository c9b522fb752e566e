import { actToken, tokenize } from '../acts/actToken';

/**
 * Verb forms that tell what already happened ("was", "हुई थी", "ہو گیا", "भयो"): a clause with one
 * and no question ("delivery kal hui thi", "it was delivered on monday") says when or what, it does
 * not ask. Only forms that are nothing else: not Urdu کیا (also "what"), not Hinglish "liye" (also
 * "for") or "the" (English).
 */
const PAST_WORDS = [
  'was', 'were', 'did', 'had', 'got', 'came', 'arrived', 'delivered', 'received', 'bought', 'ordered', 'paid',
  'placed', 'returned', 'installed', 'happened', 'went', 'shipped', 'cancelled', 'canceled', 'stopped', 'broke', 'tried',
  'sent', 'gave', 'been', 'yesterday', 'ago',
  'tha', 'thi', 'hua', 'hui', 'hue', 'gaya', 'gayi', 'gai', 'gya', 'gyi', 'gaye', 'gye', 'liya', 'lia', 'kiya', 'kia', 'kiye',
  'aaya', 'aayi', 'aaye', 'mila', 'mili', 'mile', 'diya', 'diye', 'chuka', 'chuki', 'chuke', 'hogaya', 'hogya',
  'था', 'थी', 'थे', 'हुआ', 'हुई', 'हुए', 'गया', 'गई', 'गयी', 'गए', 'गये', 'लिया', 'किया', 'किए', 'किये', 'आया', 'आई', 'आए', 'आये',
  'मिला', 'मिली', 'मिले', 'दिया', 'दिए', 'चुका', 'चुकी', 'चुके',
  'تھا', 'تھی', 'تھے', 'ہوا', 'ہوئی', 'ہوئے', 'گیا', 'گئی', 'گئے', 'لیا', 'آیا', 'آئی', 'آئے', 'ملا', 'ملی', 'ملے', 'دیا', 'کیے',
  'کئے', 'چکا', 'چکی', 'چکے',
  'थियो', 'थिएँ', 'थिए', 'भयो', 'गयो', 'गरें', 'गरेँ', 'लिएँ', 'आयो', 'आइपुग्यो', 'पाएँ', 'दिएँ', 'हिजो',
  // the perfect participle tells it too: अर्डर गरेको (had ordered), किनेको (bought), तिरेको (paid)
  'गरेको', 'किनेको', 'तिरेको', 'लिएको', 'पठाएको',
  'thiyo', 'bhayo', 'gayo', 'aayo', 'aaipugyo', 'hijo', 'gareko', 'kineko', 'tireko', 'lieko',
];

const PAST_SET = new Set(PAST_WORDS.map(actToken));

/** Does the clause tell something that already happened (a past verb form, "yesterday", "हिजो", "ago")? */
export function tellsPast(text: string): boolean {
  return tokenize(text).some((t) => PAST_SET.has(t.norm));
}
