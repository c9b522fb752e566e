import { bearsQuestion } from './questionWords';

export interface Clause {
  text: string;
  /** UTF-16 offsets into the message. */
  start: number;
  end: number;
  /** Followed by a question mark (?, ؟, ？). */
  asked: boolean;
  /**
   * Opened by a word that adds another matter ("…, also my card payment failed?", "plus", साथै,
   * نیز): what came before it is a matter of its own, not context for this clause.
   */
  adds?: boolean;
  /**
   * Opened by "or" and a question of the customer's own ("will your team fit it, or should i get my
   * own electrician", "is it covered or do i have to pay"): the other side of the question before
   * it, what the customer does if the answer is no; not a question of its own.
   */
  alternative?: boolean;
}

/** The auxiliaries that open a question of the customer's own after "or" ("or should i", "or do we"). */
const ALTERNATIVE_ASKS = 'should|shall|do|must|will|would|can|could|need';
/**
 * "or I myself …" in Hindi, Hinglish and Urdu ("… लगाने आएगी या मैं खुद किसी को बुलाऊँ", "ya main
 * khud mistri bulaun", "یا میں خود"), and Nepali's "वा म" (not "कि म": कि is also "that"): the
 * customer's own way out.
 * Urdu's میں is also "in", so it counts only with خود.
 */
const ALTERNATIVE_OTHER = String.raw`(?:ya|या)(?=\s+(?:main|mai|hum|मैं|हम)(?=\s|$))|یا(?=\s+(?:ہم(?=\s|$)|میں\s+خود))|वा(?=\s+(?:म|हामी)(?=\s|$))`;

/**
 * "or" as Hinglish spells "aur" (and): "warranty kitni h buds air pe or repair kaha hoga". Only
 * when a Hinglish question word follows within a few words, which English "or" never has
 * ("COD or UPI kya chalega" splits off a one-word piece, joined back to the clause after it).
 */
const HINGLISH_OR = String.raw`(?<aur>or)(?=(?:\s+[\p{L}\p{N}]+){0,3}?\s+(?:kya|kab|kahan|kaha|kaise|kyun|kyon|kaun|kitna|kitne|kitni)(?![\p{L}\p{N}]))`;

/**
 * Where one clause ends and the next starts: sentence ends (. ! ? । ۔ ؟ ; new line; a full stop
 * or comma only when a space or the end follows, so "sargam.example" and "2,499" stay whole),
 * and the words that join two questions: and, also, plus, aur, और, तथा, अनि, र, साथै, اور, نیز, and
 * romanised Nepali's ani and ra; "or" (या, یا, वा) only before a question of the customer's own ("or should i"),
 * or as Hinglish's "aur" (HINGLISH_OR).
 */
const BOUNDARY = new RegExp(
  String.raw`[?？؟!！।॥۔;\n]+|[.,،](?=\s|$)|(?<=^|[\s,،])(?:${joinedAnd()}|also|plus|aur|ani|ra|और|तथा|अनि|र|साथै|اور|نیز|or(?=\s+(?:${ALTERNATIVE_ASKS})\s+(?:i|we)(?=\s|$))|${HINGLISH_OR}|${ALTERNATIVE_OTHER})(?=[\s,،]|$)`,
  'giu',
);
const QUESTION_MARK = /[?？؟]/u;
/** "or should i …" opening a clause: the other side of the question before (Clause.alternative). */
const ALTERNATIVE = /^(?:or|ya|या|یا|वा)$/iu;

/**
 * "and" as a joining word, except after "come" or "go" and before a verb: "will your team come and
 * fit it", "can someone go and check" ask one thing ("come to fit it"). A question word, an
 * auxiliary or a pronoun after it starts a question of its own ("when will they come and how much
 * is it").
 */
function joinedAnd(): string {
  const opensClause = 'what|whats|when|where|wheres|how|why|which|who|whom|whose|is|are|was|were|do|does|did|can|could|will|would|should|shall|may|also|i|im|we|you|u|my|your|ur|the|it|its|this|that|then|pls|please';
  return String.raw`and(?<!(?:^|\s)(?:come|go)\s+and)|and(?=\s+(?:${opensClause})(?![\p{L}\p{N}]))`;
}
/** The joining words that add another matter rather than go on with the same one. */
const ADDS = /^(?:also|plus|साथै|نیز)$/iu;
/** A cheap first look: no punctuation, new line or joining word at all means one clause. */
const MAYBE_BOUNDARY = /[?？؟!！।॥۔;\n.,،]|and|also|plus|aur|ani|ra|or|ya|या|یا|वा|और|तथा|अनि|र|साथै|اور|نیز/iu;
/** A clause needs this many words to stand as a question; shorter pieces join the clause before. */
export const MIN_CLAUSE_WORDS = 2;
/** Clauses considered per message; the rest is left to the whole-message reading. */
export const MAX_CLAUSES = 8;

/**
 * Splits a message into clauses that could each be a question, in order. Pieces shorter than
 * MIN_CLAUSE_WORDS words ("or UPI") are joined to the clause before them (to the next when first),
 * except a one-word question after a question: "store in lahore? timing?", "पसल छ? समय?" ask two
 * things, the second as short as people write it (a bare question word, "why?", still asks about
 * the clause before). Linear in the message's length; at most
 * MAX_CLAUSES clauses.
 */
export function splitClauses(text: string): Clause[] {
  if (!MAYBE_BOUNDARY.test(text)) {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    const start = text.indexOf(trimmed);
    return [{ text: trimmed, start, end: start + trimmed.length, asked: false }];
  }
  const pieces: Clause[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  let adds = false;
  let alternative = false;
  const push = (start: number, end: number, asked: boolean) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    pieces.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length, asked, ...(adds ? { adds } : {}), ...(alternative ? { alternative } : {}) });
    adds = false;
    alternative = false;
  };
  for (let m = BOUNDARY.exec(text); m !== null && pieces.length < MAX_CLAUSES * 2; m = BOUNDARY.exec(text)) {
    push(from, m.index, QUESTION_MARK.test(m[0]));
    if (ADDS.test(m[0])) adds = true;
    if (ALTERNATIVE.test(m[0]) && m.groups?.aur === undefined) alternative = true;
    from = m.index + m[0].length;
  }
  push(from, text.length, false);

  const clauses: Clause[] = [];
  let carry: Clause | null = null;
  for (const piece of pieces) {
    const joined: Clause = carry ? { ...flagsOf(carry), text: text.slice(carry.start, piece.end), start: carry.start, end: piece.end, asked: piece.asked } : piece;
    carry = null;
    const previous = clauses[clauses.length - 1];
    if (wordCount(joined.text) >= MIN_CLAUSE_WORDS || (joined.asked && previous?.asked && !bearsQuestion(joined.text))) {
      clauses.push(joined);
      continue;
    }
    if (previous) {
      clauses[clauses.length - 1] = { ...flagsOf(previous), text: text.slice(previous.start, joined.end), start: previous.start, end: joined.end, asked: previous.asked || joined.asked };
    } else {
      carry = joined;
    }
  }
  if (carry) clauses.push(carry);
  // "will your team come and fit it, or should i get my own electrician?": the question mark ends
  // the either-or question, so the clause before an asked alternative is asked too.
  for (let i = clauses.length - 1; i > 0; i--) {
    const c = clauses[i] as Clause;
    if (c.alternative && c.asked) clauses[i - 1] = { ...(clauses[i - 1] as Clause), asked: true };
  }
  return clauses.slice(0, MAX_CLAUSES);
}

/**
 * A message that opens by announcing several questions ("3 sawal hain: …", "two questions - …",
 * "तीन सवाल हैं:", "دو سوال ہیں", "quick ones - …"): each clause after it is a question of its own,
 * with or without its own question mark ("Airbook 14 stock mein hai").
 */
export function announcesQuestions(text: string): boolean {
  return ANNOUNCES_QUESTIONS.test(text);
}

const ANNOUNCES_QUESTIONS = new RegExp(
  String.raw`^\s*(?:(?:[2-5२-५۲-۵]|two|three|four|do|teen|दो|तीन|चार|دو|تین|چار|दुई|दुइटा|तिन)\s+(?:questions?|qs|things|sawal|sawaal|swal|sawalat|baatein|baaten|cheezein|सवाल|प्रश्न|बातें|चीज़ें|چیزیں|سوال|سوالات|باتیں|कुरा|kura|prashna)|(?:quick|few|some)\s+(?:ones|questions|qs)|कुछ सवाल|kuch sawal|چند سوال|केही प्रश्न|kehi prashna)(?![\p{L}\p{N}])`,
  'iu',
);

const SERIAL_VERB = /(?<![\p{L}\p{N}])(come|go)\s+and\s+(?=\p{L})/giu;

/**
 * "come and fit it" written as "come to fit it": the one request a clause that splitClauses kept
 * whole says ("will your team come and fit it"), in the words the catalog asks it with. The same
 * text when it has no such pair.
 */
export function serialVerbsAsPurpose(text: string): string {
  return text.replace(SERIAL_VERB, (_m, verb: string) => `${verb} to `);
}

/** A clause's `adds` and `alternative` flags alone, for a clause made of several pieces (the first one's). */
const flagsOf = (c: Clause): Pick<Clause, 'adds' | 'alternative'> => ({ ...(c.adds ? { adds: true } : {}), ...(c.alternative ? { alternative: true } : {}) });

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

function wordCount(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (n < MIN_CLAUSE_WORDS && WORD.exec(text) !== null) n++;
  return n;
}
