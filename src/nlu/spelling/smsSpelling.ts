/**
 * English as customers type it on a phone keypad ("wen it will b delivered", "pls tell me ur
 * timings", "can u check 2day"): the shorthand word is replaced by the word it stands for, so the
 * classifier, trained on spelled-out examples, reads the question. Only whole words are replaced
 * (case-insensitively; "SG-220981", "u2" and "bday" stay as they are) and everything else, spacing
 * and punctuation included, is kept. English only: in Hinglish "b" is "bhi" and "n" means nothing.
 * Ambiguous shorthand is left alone: "4" and "2" (they are also counts: "4 days"), "y" (also "yes").
 */
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
  // requests and thanks
  pls: 'please', plz: 'please', plzz: 'please', plss: 'please', pl: 'please', thx: 'thanks', thnx: 'thanks', thnks: 'thanks', tnx: 'thanks',
  // time
  '2day': 'today', tdy: 'today', '2moro': 'tomorrow', '2morrow': 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow', tmro: 'tomorrow',
  '2nite': 'tonight', '2night': 'tonight', yday: 'yesterday', ystrdy: 'yesterday', wk: 'week', tym: 'time', tyme: 'time',
  // the shop's words
  msg: 'message', msgs: 'messages', dlvr: 'deliver', dlvrd: 'delivered', dlvry: 'delivery', dlvred: 'delivered', delvry: 'delivery',
  ordr: 'order', ordrs: 'orders', amt: 'amount', pymt: 'payment', pmt: 'payment', addr: 'address', adrs: 'address',
  acc: 'account', acct: 'account', txn: 'transaction', refnd: 'refund', rtrn: 'return',
  prdct: 'product', pdt: 'product', recd: 'received', rcvd: 'received',
};

const WORD = /(?<![\p{L}\p{N}\-_@./])[A-Za-z0-9]+(?![\p{L}\p{N}\-_@]|[./][\p{L}\p{N}])/gu;

/** The text with its SMS shorthand written out (SMS_SPELLINGS); the same text when it has none. */
export function expandSmsSpelling(text: string): string {
  return text.replace(WORD, (word) => {
    const full = SMS_SPELLINGS[word.toLowerCase()];
    return full === undefined || full === word.toLowerCase() ? word : full;
  });
}
