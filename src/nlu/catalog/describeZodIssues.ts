import type { z } from 'zod';

/** A schema problem with its full path inside the file, ready to be located and printed. */
export interface SchemaProblem {
  path: PropertyKey[];
  message: string;
  /** For an unknown key: the key itself, so the location points at it. */
  key?: string;
  /** The value had the wrong type (or was missing). */
  wrongType?: boolean;
}

/** Every key the catalog format knows, to suggest the intended one for a typo. */
const KNOWN_KEYS = [
  'languages', 'defaultLanguage', 'messages', 'intents', 'id', 'title', 'examples', 'answers', 'answersFor', 'quickReplies',
  'handoff', 'team', 'slots', 'fulfillment', 'followUps', 'onceHeld', 'offersPerson', 'text', 'mediaUrl', 'payload', 'name', 'kind', 'pattern',
  'required', 'prompt', 'url', 'timeoutMs', 'fallback', 'clarify', 'fulfillmentError',
  'formatHints', 'productFault', 'wrongItem', 'categories', 'products', 'category', 'aliases',
];

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

export function suggestKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of KNOWN_KEYS) {
    const d = known.toLowerCase() === lower ? 0 : editDistance(lower, known.toLowerCase());
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}

type Issue = z.core.$ZodIssue;

function isRootTypeMismatch(branch: Issue[]): boolean {
  return branch.every((i) => i.path.length === 0 && i.code === 'invalid_type');
}

/**
 * Turns zod issues into plain problems. A failed union reports the branch whose type matched
 * the value (e.g. the list branch for a list with one bad item), not "invalid input".
 */
export function describeZodIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const suggestion = suggestKey(key);
          out.push({
            path,
            key,
            message: `unknown key "${key}"${suggestion && suggestion !== key ? ` (did you mean "${suggestion}"?)` : ''}`,
          });
        }
        break;
      case 'invalid_union': {
        const matching = issue.errors.filter((branch) => !isRootTypeMismatch(branch));
        const chosen = matching[0];
        if (chosen && matching.length === 1) out.push(...describeZodIssues(chosen, path));
        else out.push({ path, message: issue.message });
        break;
      }
      case 'invalid_key': {
        const key = path[path.length - 1];
        const inner = issue.issues[0]?.message ?? 'invalid key';
        out.push({ path, key: typeof key === 'string' ? key : undefined, message: `invalid key "${String(key)}": ${inner}` });
        break;
      }
      case 'invalid_element':
        out.push(...describeZodIssues(issue.issues, path));
        break;
      case 'invalid_type':
        out.push({ path, message: issue.message, wrongType: true });
        break;
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}
