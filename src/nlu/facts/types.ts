import type { ProductIndex } from './products';

/** What a fact is about. Order numbers, e-mails, phones and dates also fill slots of the same kind. */
export const FACT_KINDS = ['order_number', 'email', 'phone', 'product', 'date', 'money'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** Where a value sits in the message (UTF-16 offsets into the text as given). */
export interface Span {
  start: number;
  end: number;
}

/**
 * One value found in a message. `verified` says the value has the right shape (a valid phone
 * number for its country, an order number in the catalog's format, a product the catalog knows);
 * an unverified value is a plausible candidate (SG-4829, a phone number with a digit missing)
 * kept so the bot can say what the right format is and the agent can check it.
 */
export interface FactCandidate {
  kind: FactKind;
  value: string;
  verified: boolean;
  span: Span;
}

export interface FactContext {
  /** "today", "kal", "آج" are counted from this instant. Default: now. */
  now?: Date;
  /** IANA zone whose calendar date `now` falls on. Default UTC. */
  timeZone?: string;
  /** Order-number prefix; default SG (SG-482913). */
  orderPrefix?: string;
  /** ISO 3166 region for phone numbers written without a country code; default IN. */
  phoneRegion?: string;
  /** The catalog's products, compiled (compileProductIndex); no product facts without it. */
  products?: ProductIndex;
}

/** Longest text looked at: beyond it, the rest of a message is ignored (WhatsApp's own limit is 4,096). */
export const MAX_FACT_TEXT_LENGTH = 4096;
/** Most facts one message yields, and most of one kind: a flood of e-mails is not a fact sheet. */
export const MAX_FACTS_PER_MESSAGE = 20;
export const MAX_FACTS_PER_KIND = 8;
