import { SPACED_EMAIL, unlabelled } from '../slots/findEmails';
import { matchesOf } from './mask';
import { type FactCandidate, MAX_FACTS_PER_KIND } from './types';

const EMAIL =
  /(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
/** Something@something without a dot in the domain ("asha@gmail"), or with a comma for the dot. */
const ALMOST =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{2,63}(?:,[A-Za-z]{2,24})?(?![A-Za-z0-9.@-])/g;

function normalise(raw: string): string {
  const at = raw.lastIndexOf('@');
  return `${raw.slice(0, at)}@${raw.slice(at + 1).toLowerCase()}`;
}

/**
 * E-mail addresses: verified when well-formed (the domain lower-cased, the local part as typed);
 * a space beside the @ ("asha @gmail.com") is typed away; "asha@gmail" or "asha@gmail,com" is an unverified candidate. Text must have ASCII digits.
 */
export function findEmailFacts(text: string): FactCandidate[] {
  if (!text.includes('@')) return [];
  const out: FactCandidate[] = [];
  for (const m of matchesOf(text, EMAIL, MAX_FACTS_PER_KIND)) {
    const { text: address, start } = unlabelled(m);
    out.push({ kind: 'email', value: normalise(address), verified: true, span: { start, end: m.index + m[0].length } });
  }
  for (const m of matchesOf(text, SPACED_EMAIL, MAX_FACTS_PER_KIND)) {
    if (out.length >= MAX_FACTS_PER_KIND || out.some((f) => m.index < f.span.end && f.span.start < m.index + m[0].length)) continue;
    out.push({ kind: 'email', value: normalise(`${m[1]}@${m[2]}`), verified: true, span: { start: m.index, end: m.index + m[0].length } });
  }
  if (out.length < MAX_FACTS_PER_KIND) {
    for (const m of matchesOf(text, ALMOST, MAX_FACTS_PER_KIND - out.length)) {
      if (out.some((f) => m.index < f.span.end && f.span.start < m.index + m[0].length)) continue;
      const { text: address, start } = unlabelled(m);
      out.push({ kind: 'email', value: normalise(address), verified: false, span: { start, end: m.index + m[0].length } });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
