import { KEY_KINDS } from './keyRenames';
import type { MigrationReport } from './migrateKeys';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The migration's report for people: per kind found, how many keys moved (or would move), were
 * already copied, conflict or are left to expire. Counts and name shapes only: never a value, and a
 * conflict's key names (they may hold a phone number or an e-mail) only when asked for.
 */
export function formatReport(report: MigrationReport, opts: { listConflicts?: boolean } = {}): string {
  const lines: string[] = [];
  const verb = report.dryRun ? 'would move' : 'moved';
  let moved = 0;
  let finished = 0;
  let conflicts = 0;
  let expiring = 0;
  const width = Math.max(...KEY_KINDS.map((k) => k.name.length));
  for (const kind of KEY_KINDS) {
    const c = report.byKind.get(kind.name);
    if (!c || c.found === 0) continue;
    const parts: string[] = [];
    if (c.moved) parts.push(`${n(c.moved)} ${verb}`);
    if (c.finished) parts.push(`${n(c.finished)} already copied by an earlier run (old key ${report.dryRun ? 'would be ' : ''}deleted)`);
    if (c.conflicts) parts.push(`${n(c.conflicts)} conflict${c.conflicts === 1 ? '' : 's'}`);
    if (c.leftToExpire) parts.push(`${n(c.leftToExpire)} left to expire (${kind.move.kind === 'expires' ? kind.move.why : ''})`);
    lines.push(`  ${kind.name.padEnd(width)}  ${kind.old} -> ${kind.new}: ${parts.join(', ')}`);
    moved += c.moved;
    finished += c.finished;
    conflicts += c.conflicts;
    expiring += c.leftToExpire;
  }
  const head = `Looked at ${n(report.scanned)} keys.`;
  if (lines.length === 0) return `${head} No key under an old name: nothing to move.\n`;
  const total = [`${n(moved)} keys ${verb}`];
  if (finished) total.push(`${n(finished)} finished`);
  if (conflicts) total.push(`${n(conflicts)} conflicts`);
  if (expiring) total.push(`${n(expiring)} left to expire`);
  let out = `${head}\n${lines.join('\n')}\nTotal: ${total.join(', ')}.\n`;
  if (conflicts) {
    out +=
      `\n${n(conflicts)} old key${conflicts === 1 ? '' : 's'} kept: the new name already holds something else, and neither key was touched. ` +
      'Compare each pair and delete the one you do not want, then run again.' +
      (opts.listConflicts ? '\n' + report.conflicts.map((c) => `  ${c.kind}: ${c.oldName} -> ${c.newName}`).join('\n') : ' Add --list-conflicts to print their names (they can hold phone numbers or e-mails).') +
      '\n';
  }
  return out;
}
