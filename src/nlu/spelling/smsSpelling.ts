import type { Lang } from '../types';

/**
 * English as customers type it on a phone keypad ("wen it will b delivered", "pls tell me ur
 * timings", "can u check 2day"): the shorthand word is replaced by the word it stands for, so the
 * classifier, trained on spelled-out examples, reads the question. Only whole words are replaced
 * (case-insensitively; "SG-220981", "u2" and "bday" stay as they are) and everything else, spacing
 * and punctuation included, is kept. In Hinglish "b" is "bhi" and "n" means nothing: Hindi and Urdu
 * in Latin letters have their own shorthand (HINGLISH_SMS_SPELLINGS), and share only the shop's
 * words and the requests and thanks (SHOP_SMS_SPELLINGS) with English.
 * Ambiguous shorthand is left alone: "4" and "2" (they are also counts: "4 days"), "y" (also "yes").
 */
/** Shorthand every Latin-script customer uses, whatever the language around it ("order cancel krna h plz"). */
const SHOP_SMS_SPELLINGS: Readonly<Record<string, string>> = {
  // requests and thanks
  pls: 'please', plz: 'please', plzz: 'please', plss: 'please', pl: 'please', thx: 'thanks', thnx: 'thanks', thnks: 'thanks', tnx: 'thanks',
  // the shop's words
  msg: 'message', msgs: 'messages', dlvr: 'deliver', dlvrd: 'delivered', dlvry: 'delivery', dlvred: 'delivered', delvry: 'delivery',
  ordr: 'order', ordrs: 'orders', amt: 'amount', pymt: 'payment', pmt: 'payment', addr: 'address', adrs: 'address',
  acc: 'account', acct: 'account', txn: 'transaction', refnd: 'refund', rtrn: 'return',
  prdct: 'product', pdt: 'product', recd: 'received', rcvd: 'received',
};

export const SMS_SPELLINGS: Readonly<Record<string, string>> = {
  // question words
  wen: 'when', wn: 'when', whn: 'when', wer: 'where', whr: 'where', wher: 'where', wat: 'what', wht: 'what', wt: 'what',
  hw: 'how', whts: 'whats', wats: 'whats', wich: 'which',
  // pronouns and auxiliaries
  u: 'you', yu: 'you', ur: 'your', urs: 'yours', r: 'are', b: 'be',
  wil: 'will', cn: 'can', cud: 'could', cld: 'could', shud: 'should', shld: 'should', wud: 'would', wld: 'would',
  hv: 'have', hav: 'have', hs: 'has', dnt: 'dont', cnt: 'cant', nt: 'not',
  // joining and small words
  n: 'and', nd: 'and', bt: 'but', abt: 'about', bcoz: 'because', bcz: 'because', coz: 'because', cuz: 'because',
  wid: 'with', wth: 'with', frm: 'from', ths: 'this', dis: 'this', dat: 'that', tht: 'that', thn: 'then', der: 'there', thr: 'there',
  sum1: 'someone', some1: 'someone', any1: 'anyone', no1: 'no one',
  // time
  '2day': 'today', tdy: 'today', '2moro': 'tomorrow', '2morrow': 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow', tmro: 'tomorrow',
  '2nite': 'tonight', '2night': 'tonight', yday: 'yesterday', ystrdy: 'yesterday', wk: 'week', tym: 'time', tyme: 'time',
  ...SHOP_SMS_SPELLINGS,
};

/**
 * Hindi and Urdu in Latin letters as typed on a phone ("kb tk aayega", "cancel krna h", "pta ni"):
 * vowels dropped from the words every question uses, written as the catalog's examples spell them.
 * Left alone: "kia" (both "kiya" and "kya"), "hn" ("haan" or "hain"), "kha" ("kahan" or "eat"),
 * "nai" ("nahi" or "new").
 */
export const HINGLISH_SMS_SPELLINGS: Readonly<Record<string, string>> = {
  // question and time words
  kb: 'kab', tk: 'tak', tb: 'tab', jb: 'jab', ktna: 'kitna', ktne: 'kitne', kese: 'kaise', abi: 'abhi',
  // verbs and auxiliaries
  h: 'hai', kr: 'kar', krna: 'karna', krne: 'karne', kro: 'karo', krdo: 'kar do', skta: 'sakta', skti: 'sakti', skte: 'sakte',
  rha: 'raha', rhi: 'rahi', rhe: 'rahe', gya: 'gaya', gyi: 'gayi', dia: 'diya', lia: 'liya', aega: 'aayega', aaega: 'aayega',
  bta: 'bata', btao: 'batao', btado: 'bata do', pta: 'pata', chahie: 'chahiye', chaiye: 'chahiye', chahye: 'chahiye', chaahiye: 'chahiye',
  // pronouns and small words
  mje: 'mujhe', mjhe: 'mujhe', muje: 'mujhe', mra: 'mera', mri: 'meri', ap: 'aap', apka: 'aapka', apki: 'aapki',
  nhi: 'nahi', ni: 'nahi', pr: 'par', bi: 'bhi', kch: 'kuch', thk: 'theek', vapas: 'wapas',
  ...SHOP_SMS_SPELLINGS,
};

const SMS_SPELLINGS_OF: Readonly<Partial<Record<Lang, Readonly<Record<string, string>>>>> = { en: SMS_SPELLINGS, 'hi-Latn': HINGLISH_SMS_SPELLINGS };

const WORD = /(?<![\p{L}\p{N}\-_@./])[A-Za-z0-9]+(?![\p{L}\p{N}\-_@]|[./][\p{L}\p{N}])/gu;

/**
 * The text with its SMS shorthand written out (SMS_SPELLINGS for English, HINGLISH_SMS_SPELLINGS
 * for Hindi and Urdu in Latin letters); the same text when it has none or is in another language.
 */
export function expandSmsSpelling(text: string, lang: Lang = 'en'): string {
  const spellings = SMS_SPELLINGS_OF[lang];
  if (!spellings) return text;
  return text.replace(WORD, (word) => {
    const full = spellings[word.toLowerCase()];
    return full === undefined || full === word.toLowerCase() ? word : full;
  });
}
