import { z } from 'zod';
import { teamSchema } from '../../handoff/types';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../security/passwordPolicy';

/** Zod schemas shared by several endpoints: validation on the way in, documentation on the way out. */

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const idSchema = z.string().regex(ID_PATTERN, { message: 'not a valid id' });
export const idParams = z.object({ id: idSchema });

export const teamIdSchema = teamSchema.shape.id;
export const emailSchema = z.email({ message: 'must be an e-mail address' }).max(254);
/** The password policy (src/security/passwordPolicy.ts); the e-mail rule is checked where the e-mail is known. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((p, ctx) => {
    if (p.length < PASSWORD_MIN_LENGTH) return;
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: `at least ${PASSWORD_MIN_LENGTH} characters, not the e-mail, not a common password` });
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
    createdAt: z.number().int().meta({ description: 'ms since epoch' }),
  })
  .meta({ id: 'Agent' });

export const teamView = teamSchema.meta({ id: 'Team' });

export const itemsOf = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

export const errorView = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Error' });

/** A loosely described object whose full shape is a TypeScript contract (src/inbox/contracts.ts). */
export const described = (name: string, description: string) => z.looseObject({}).meta({ id: name, description });
