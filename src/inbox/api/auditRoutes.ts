import { z } from 'zod';
import type { InboxServices } from '../services';
import { AUDIT_LIST_MAX } from '../audit/redisAuditLog';
import { route, type RouteSpec } from './route';
import { itemsOf } from './schemas';
import { isoTimestamp } from './views';

const auditQuery = z
  .object({
    target: z.string().min(1).max(200).optional().meta({ description: 'e.g. agent:ag_…, team:care, conversation:c_…' }),
    actor: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(AUDIT_LIST_MAX).optional(),
  })
  .strict();

const auditView = z
  .object({ at: isoTimestamp, actor: z.string(), action: z.string(), target: z.string(), details: z.record(z.string(), z.unknown()).optional() })
  .meta({ id: 'AuditEntry' });

export function auditRoutes(s: InboxServices): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/audit',
      tag: 'audit',
      access: 'admin',
      summary: 'The audit trail, newest first',
      query: auditQuery,
      response: { description: 'Audit entries', schema: itemsOf(auditView) },
      handle: async ({ query }) => ({ items: await s.audit.list(query) }),
    }),
  ];
}
