import { allMatches, SlotMatch } from './spans';

const EMAIL =
  /(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

/** E-mail addresses; the domain is lower-cased (it is case-insensitive), the local part kept as typed. */
export function findEmails(text: string): SlotMatch[] {
  return allMatches(text, EMAIL).map((m) => {
    const raw = m[0];
    const at = raw.lastIndexOf('@');
    return { value: `${raw.slice(0, at)}@${raw.slice(at + 1).toLowerCase()}`, start: m.index, end: m.index + raw.length };
  });
}
