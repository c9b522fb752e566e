/**
 * One language's sentiment lexicon. Entries are written as customers type them; they are
 * normalised with the message (see lexiconText.ts), so accents, nukta, Arabic letter variants and
 * stretched Latin letters do not matter. A trailing `*` matches any ending ("frustrat*").
 */
export interface SentimentLexicon {
  /** Words and phrases that read as anger or strong dissatisfaction, with their weight (0..1). */
  anger: Record<string, number>;
  /** Words and phrases that read as satisfaction (0..1); negated ones ("not happy") read as dissatisfaction. */
  positive: Record<string, number>;
  /** Thanks and courtesy (0..1): positive, and never flipped by a negation ("no thanks" stays polite). */
  courtesy: Record<string, number>;
  /** Mild-to-moderate insults and profanity aimed at people: any match flags the message as abusive. */
  abuse: string[];
  /** Words that strengthen the next sentiment word ("very", "bahut", "बहुत", "بہت", "धेरै"). */
  intensifiers: string[];
  /** Negations written before what they negate (English: "not bad"). */
  negatorsBefore: string[];
  /** Negations written after what they negate (Hindi, Urdu, Nepali: "bura nahi", "खराब नहीं", "नराम्रो छैन"). */
  negatorsAfter: string[];
  /**
   * First-person possessives ("my", "mera", "मेरे", "میرا", "मेरो"): an abuse word right after one
   * names the customer's own animal or relative ("मेरे कुत्ते के लिए", "my dog"), not the person
   * they write to, and is not abuse.
   */
  ownersBefore: string[];
  /**
   * Everyday words of another language that an abuse word of this lexicon squeezes to ("saale" and
   * the English "sale" both squeeze to "sale"): a message word written exactly like one of these is
   * not abuse ("is there any sale on?"), while the insult spelled out ("saale") still is.
   */
  notAbuseAsWritten?: string[];
}
