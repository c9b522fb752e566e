/**
 * What the customer is told while waiting for a person.
 */

export interface WaitEstimateInput {
  /** 1 = next in line. */
  position: number;
  /** How long recent customers of this queue waited for a person (ms). */
  recentWaitsMs: readonly number[];
  onlineAgents: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * About how long until a person answers: the median recent wait, times the position in line,
 * divided by the agents online; whole minutes, rounded up, at least 1. Null when it cannot be
 * known (no recent waits, or nobody online).
 */
export function estimateWait(input: WaitEstimateInput): { minutes: number | null } {
  const waits = input.recentWaitsMs.filter((w) => Number.isFinite(w) && w >= 0);
  if (waits.length === 0 || input.onlineAgents <= 0) return { minutes: null };
  const position = Math.max(1, input.position);
  const ms = (median(waits) * position) / input.onlineAgents;
  return { minutes: Math.max(1, Math.ceil(ms / 60_000)) };
}

export interface QueueMessageInput {
  lang: string;
  /** Place in line (1 = next), null when unknown. */
  position: number | null;
  /** About how long (estimateWait), null when unknown. */
  minutes: number | null;
  open: boolean;
  /** When the team opens, already in words (describeOpening): "tomorrow at 10:00". */
  opensAt?: string;
  /** The customer was upset (the escalation read anger): the message opens with an apology. */
  apologise?: boolean;
}

interface QueueWords {
  waiting: (details: string) => string;
  /** Waiting, with neither place nor time known. */
  waitingPlain: string;
  position: (n: number) => string;
  minutes: (n: number) => string;
  closedUntil: (when: string) => string;
  closed: string;
  join: string;
  /** Opens the message for an upset customer. */
  sorry: string;
}

const QUEUE_WORDS: Record<string, QueueWords> = {
  en: {
    waitingPlain: 'A person from our team will be with you shortly.',
    waiting: (d) => `A person from our team will be with you shortly (${d}).`,
    position: (n) => `you are number ${n} in line`,
    minutes: (n) => `about ${n} minute${n === 1 ? '' : 's'}`,
    closedUntil: (w) => `Our team is closed now; we open ${w} and will reply then.`,
    closed: 'Our team is closed now; we will reply as soon as we open.',
    join: ', ',
    sorry: "I'm sorry about this.",
  },
  hi: {
    waitingPlain: 'हमारी टीम का एक साथी जल्द ही आपसे बात करेगा।',
    waiting: (d) => `हमारी टीम का एक साथी जल्द ही आपसे बात करेगा (${d})।`,
    position: (n) => `लाइन में आपका नंबर ${n} है`,
    minutes: (n) => `लगभग ${n} मिनट`,
    closedUntil: (w) => `हमारी टीम अभी बंद है; हम ${w} खुलेंगे और तब जवाब देंगे।`,
    closed: 'हमारी टीम अभी बंद है; खुलते ही हम जवाब देंगे।',
    join: ', ',
    sorry: 'इस परेशानी के लिए हमें खेद है।',
  },
  'hi-Latn': {
    waitingPlain: 'Hamari team ka ek saathi jald hi aapse baat karega.',
    waiting: (d) => `Hamari team ka ek saathi jald hi aapse baat karega (${d}).`,
    position: (n) => `line mein aapka number ${n} hai`,
    minutes: (n) => `lagbhag ${n} minute`,
    closedUntil: (w) => `Hamari team abhi band hai; hum ${w} khulenge aur tab jawab denge.`,
    closed: 'Hamari team abhi band hai; khulte hi hum jawab denge.',
    join: ', ',
    sorry: 'Is pareshani ke liye hamein khed hai.',
  },
  ur: {
    waitingPlain: 'ہماری ٹیم کا ایک نمائندہ جلد ہی آپ سے بات کرے گا۔',
    waiting: (d) => `ہماری ٹیم کا ایک نمائندہ جلد ہی آپ سے بات کرے گا (${d})۔`,
    position: (n) => `قطار میں آپ کا نمبر ${n} ہے`,
    minutes: (n) => `تقریباً ${n} منٹ`,
    closedUntil: (w) => `ہماری ٹیم ابھی بند ہے؛ ہم ${w} کھلیں گے اور تب جواب دیں گے۔`,
    closed: 'ہماری ٹیم ابھی بند ہے؛ کھلتے ہی ہم جواب دیں گے۔',
    join: '، ',
    sorry: 'اس پریشانی کے لیے ہم معذرت خواہ ہیں۔',
  },
  ne: {
    waitingPlain: 'हाम्रो टोलीका एक जना साथीले छिट्टै तपाईंसँग कुरा गर्नुहुनेछ।',
    waiting: (d) => `हाम्रो टोलीका एक जना साथीले छिट्टै तपाईंसँग कुरा गर्नुहुनेछ (${d})।`,
    position: (n) => `लाइनमा तपाईंको नम्बर ${n} हो`,
    minutes: (n) => `करिब ${n} मिनेट`,
    closedUntil: (w) => `हाम्रो टोली अहिले बन्द छ; हामी ${w} खुल्छौं र त्यसपछि जवाफ दिनेछौं।`,
    closed: 'हाम्रो टोली अहिले बन्द छ; खुल्नेबित्तिकै हामी जवाफ दिनेछौं।',
    join: ', ',
    sorry: 'यो असुविधाका लागि हामी क्षमाप्रार्थी छौं।',
  },
};

/** The customer-facing queue message in the customer's language (English for unknown ones). */
export function queueMessage(input: QueueMessageInput): string {
  const w = QUEUE_WORDS[input.lang] ?? (QUEUE_WORDS.en as QueueWords);
  const text = (() => {
    if (!input.open) return input.opensAt ? w.closedUntil(input.opensAt) : w.closed;
    const details = [
      ...(input.position !== null ? [w.position(Math.max(1, input.position))] : []),
      ...(input.minutes !== null ? [w.minutes(input.minutes)] : []),
    ];
    return details.length ? w.waiting(details.join(w.join)) : w.waitingPlain;
  })();
  return input.apologise ? `${w.sorry} ${text}` : text;
}
