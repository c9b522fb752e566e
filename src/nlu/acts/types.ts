/**
 * A conversational act: a message (or the start or end of one) that is not a question but part
 * of talking: "ok", "thanks", "yes", "hi", "bye", "👍". Acts are read before intents and are never
 * a misunderstanding.
 * - ack: an acknowledgement ("ok", "ठीक है", "achha", "ٹھیک ہے", "हुन्छ", 👍)
 * - emoji: emoji only, none of which says ack, thanks or hello (😅, 🎉, 😡…)
 * - wait: the customer needs a moment ("one sec", "let me check", "ek minute", "ایک منٹ", "एकछिन")
 * - ask: the customer announces a question without asking it yet ("I have a question", "need help",
 *   "एक चीज़ पूछनी थी", "kuch puchna hai", "ایک سوال ہے", "एउटा कुरा सोध्नु थियो")
 */
export type ActKind = 'ack' | 'thanks' | 'greeting' | 'goodbye' | 'yes' | 'no' | 'emoji' | 'wait' | 'ask';

export interface ActReading {
  /** Every act found at the start and the end of the message, in message order. */
  acts: ActKind[];
  /** The acts that close the message after its other words ("…, thanks", "… let you know"); [] when the message is only acts. */
  closing: ActKind[];
  /** The languages the acts' own words suggest, first found first ("ठीक है" → hi; "ok" suggests none). */
  languages: string[];
  /** The message without its leading and trailing acts, trimmed; '' when the message is only acts. */
  rest: string;
  /** Where `rest` starts and ends in the message (UTF-16 offsets); both 0 when rest is ''. */
  restStart: number;
  restEnd: number;
}
