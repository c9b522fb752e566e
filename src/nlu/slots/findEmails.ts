import { allMatches, SlotMatch } from './spans';

const EMAIL =
  /(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

/** "ravi @gmail.com", "ravi@ gmail.com": a well-formed address with a space typed beside the @. */
export const SPACED_EMAIL =
  /(?<![A-Za-z0-9._%+@-])([A-Za-z0-9._%+-]{1,64})(?:[ \t]+@[ \t]*|@[ \t]+)((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![A-Za-z0-9.@-])/g;

/** "Email-ravi@x.com", "mailid-ravi@x.com": the label typed onto the address with a dash is not part of it. */
const LABEL = /^(?:e-?mail|mail)(?:[-_]?id)?-+(?=[A-Za-z0-9])/i;

/** The match without a label glued to its front, with its start moved past the label. */
export function unlabelled(m: RegExpExecArray): { text: string; start: number } {
  const label = LABEL.exec(m[0]);
  const cut = label && m[0].indexOf('@') > label[0].length ? label[0].length : 0;
  return { text: m[0].slice(cut), start: m.index + cut };
}

/** E-mail addresses (a label glued on with a dash taken off, a space beside the @ typed away); the domain is lower-cased (it is case-insensitive), the local part kept as typed. */
export function findEmails(text: string): SlotMatch[] {
  const out: SlotMatch[] = allMatches(text, EMAIL).map((m) => {
    const { text: raw, start } = unlabelled(m);
    const at = raw.lastIndexOf('@');
    return { value: `${raw.slice(0, at)}@${raw.slice(at + 1).toLowerCase()}`, start, end: m.index + m[0].length };
  });
  if (!/\s@|@\s/.test(text)) return out;
  for (const m of allMatches(text, SPACED_EMAIL)) {
    const end = m.index + m[0].length;
    if (!out.some((o) => m.index < o.end && o.start < end)) out.push({ value: `${m[1]}@${(m[2] as string).toLowerCase()}`, start: m.index, end });
  }
  return out.sort((a, b) => a.start - b.start);
}
