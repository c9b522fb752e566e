/**
 * Keeps a Prometheus label's cardinality bounded. Every distinct label value is a separate time
 * series, so values that come from data (intents, error codes, teams) must never grow without
 * limit: a value outside the allowed set, malformed, or beyond the first `maxDistinct` values seen
 * is reported as `other`.
 */
export const OTHER = 'other';

/** Label values we accept as-is: short, printable, no spaces or quotes. */
const SAFE_VALUE = /^[A-Za-z0-9_.:/-]{1,64}$/;

export interface LabelClampOptions {
  /** Values always accepted (they do not use up the dynamic budget). */
  known?: readonly string[];
  /** How many further distinct values are accepted before the rest become `other`. 0 = only known ones. */
  maxDistinct: number;
}

export class LabelClamp {
  private readonly known: ReadonlySet<string>;
  private readonly seen = new Set<string>();

  constructor(private readonly opts: LabelClampOptions) {
    this.known = new Set(opts.known ?? []);
  }

  /** The label value to record for `raw`. */
  value(raw: string | undefined | null): string {
    const v = (raw ?? '').trim();
    if (this.known.has(v)) return v;
    if (!SAFE_VALUE.test(v)) return OTHER;
    if (this.seen.has(v)) return v;
    if (this.seen.size >= this.opts.maxDistinct) return OTHER;
    this.seen.add(v);
    return v;
  }
}
