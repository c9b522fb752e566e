import type { z } from 'zod';
import type { customerViewSchema } from '../../../../identity/customerViewSchema';
import type { ConversationListItem } from '../../shared/types';

/** GET /api/v1/customers/:id, as sent. */
export type CustomerWire = z.output<typeof customerViewSchema>;

/** One line of GET /api/v1/audit. */
export interface AuditEntryWire {
  at: string;
  actor: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

export interface RecentCustomer {
  id: string;
  name?: string;
  channel: string;
  address: string;
  lastAt: string;
}

/** The customers of the latest conversations, newest first, each once. */
export function recentCustomers(conversations: ConversationListItem[]): RecentCustomer[] {
  const seen = new Map<string, RecentCustomer>();
  const at = (c: ConversationListItem) => c.lastMessage?.at ?? '';
  const newest = [...conversations].sort((a, b) => at(b).localeCompare(at(a)));
  for (const c of newest) {
    const id = c.customer.id;
    if (!id || seen.has(id)) continue;
    seen.set(id, { id, ...(c.customer.name ? { name: c.customer.name } : {}), channel: c.channel, address: c.customer.address, lastAt: at(c) });
  }
  return [...seen.values()];
}

const ACTIONS: Record<string, string> = {
  'identity.merge': 'merged',
  'identity.customer.update': 'changed the profile',
  'identity.customer.attribute': 'set an attribute',
  'identity.suggestion.dismiss': 'dismissed a suggestion',
  'identity.link.started': 'sent a link code',
  'identity.link.verified': 'linked a verified address',
  'identity.link.locked': 'locked a link code after wrong attempts',
};

/** One audit line in words: "merged cu_b into cu_a: same phone (2 addresses, 1 conversation)". */
export function describeAudit(e: AuditEntryWire): string {
  const d = e.details ?? {};
  if (e.action === 'identity.merge') {
    const reason = typeof d.reason === 'string' ? `: ${d.reason}` : '';
    const moved = typeof d.addresses === 'number' ? ` (${d.addresses} address${d.addresses === 1 ? '' : 'es'}, ${String(d.conversations ?? 0)} conversation${d.conversations === 1 ? '' : 's'} moved)` : '';
    return `merged ${String(d.sourceId)} into ${String(d.targetId)}${reason}${moved}`;
  }
  const words = ACTIONS[e.action] ?? e.action;
  const shown = Object.entries(d)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => `${k}: ${String(v)}`);
  return shown.length > 0 ? `${words} (${shown.join(', ')})` : words;
}
