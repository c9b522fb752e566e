import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from '../../security/passwordPolicy';

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
