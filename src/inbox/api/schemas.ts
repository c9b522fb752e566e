import { z } from 'zod';
import { teamSchema } from '../../handoff/types';
import { isoTimestamp } from './views';

/** Zod schemas shared by several endpoints: validation on the way in, documentation on the way out. */

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const idSchema = z.string().regex(ID_PATTERN, { message: 'not a valid id' });
export const idParams = z.object({ id: idSchema });

export const teamIdSchema = teamSchema.shape.id;
export const emailSchema = z.email({ message: 'must be an e-mail address' }).max(254);
export const languageSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?$/, { message: 'a language tag such as en, hi or hi-Latn' });

export const agentRoleSchema = z.enum(['agent', 'admin']);
export const presenceSchema = z.enum(['online', 'away', 'offline']);

export const agentView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: agentRoleSchema,
    teams: z.array(z.string()),
    capacity: z.number().int(),
    presence: presenceSchema,
    disabled: z.boolean(),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'Agent' });

/** An agent as the API sends it (JSON). */
export type AgentWire = z.output<typeof agentView>;

export const teamView = teamSchema.meta({ id: 'Team' });

export const itemsOf = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

export const errorView = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Error' });
