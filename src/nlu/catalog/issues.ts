import { BatonError } from '../../errors';
import { CATALOG_LIMITS } from './limits';

/** One problem found in a catalog: where (file, path inside it, line) and what is wrong. */
export interface CatalogIssue {
  file: string;
  /** Path inside the file, e.g. `intents[3].examples.hi[2]`; empty for the file as a whole. */
  path: string;
  message: string;
  /** 1-based line and column in the file, when known. */
  line?: number;
  column?: number;
}

/** Path segments as written in messages: `intents[3].examples.hi-Latn[2]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

export function formatIssue(issue: CatalogIssue): string {
  const where = issue.path ? `${issue.file}: ${issue.path}` : issue.file;
  const line = issue.line === undefined ? '' : ` (line ${issue.line}${issue.column === undefined ? '' : `, column ${issue.column}`})`;
  return `${where}: ${issue.message}${line}`;
}

const LISTED_IN_MESSAGE = 50;

/** The CATALOG_INVALID error for a list of problems: the message lists them, `details` holds them all. */
export function catalogError(issues: CatalogIssue[]): BatonError {
  const kept = issues.slice(0, CATALOG_LIMITS.maxIssues);
  const lines = kept.slice(0, LISTED_IN_MESSAGE).map(formatIssue);
  const more = issues.length - Math.min(issues.length, LISTED_IN_MESSAGE);
  const noun = issues.length === 1 ? 'problem' : 'problems';
  const message =
    `Invalid intent catalog (${issues.length} ${noun}):\n  - ${lines.join('\n  - ')}` +
    (more > 0 ? `\n  … and ${more} more` : '');
  return new BatonError('CATALOG_INVALID', message, kept);
}
