import { z } from 'zod';
import type { Config } from '../../config';
import { route, type RouteSpec } from './route';

/** The approved WhatsApp templates (WHATSAPP_TEMPLATES), for the composer's picker. */

export const templateView = z
  .object({
    name: z.string(),
    language: z.string().describe('WhatsApp language code (en, en_US, hi…)'),
    variables: z.array(z.string()).describe('The names of the values it needs, in order ("1", "2"…)'),
    description: z.string().optional(),
    channels: z.array(z.enum(['whatsapp', 'whatsapp_cloud'])).describe('Where it can be sent: Twilio needs a contentSid, the Cloud API only the name'),
  })
  .meta({ id: 'Template' });

export function templateList(templates: Config['whatsappTemplates']): z.input<typeof templateView>[] {
  return Object.entries(templates)
    .map(([name, t]) => ({
      name,
      language: t.language ?? 'en',
      variables: t.variables,
      ...(t.description ? { description: t.description } : {}),
      channels: [...(t.contentSid ? (['whatsapp'] as const) : []), 'whatsapp_cloud' as const],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function templateRoutes(templates: Config['whatsappTemplates']): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/templates',
      tag: 'templates',
      access: 'agent',
      summary: 'The approved WhatsApp templates agents may send, with the variables each needs',
      response: { description: 'Templates by name', schema: z.object({ items: z.array(templateView) }) },
      handle: async () => ({ items: templateList(templates) }),
    }),
  ];
}
