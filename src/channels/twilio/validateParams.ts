import type { z } from 'zod';
import { BatonError } from '../../errors';
import type { TwilioParams } from './verifySignature';

/**
 * Validates decoded webhook parameters with a zod schema; a missing or malformed field becomes a
 * VALIDATION_FAILED BatonError naming the field, and a foreign AccountSid is refused.
 */
export function validateTwilioParams<S extends z.ZodType<{ AccountSid: string }>>(
  schema: S,
  params: TwilioParams,
  what: string,
  expectedAccountSid: string,
): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    const field = first?.path || 'body';
    const missing = params[field] === undefined && first?.path;
    throw new BatonError(
      'VALIDATION_FAILED',
      missing ? `${what}: ${field} is required` : `${what}: ${field}: ${first?.message ?? 'invalid'}`,
      issues,
    );
  }
  if (parsed.data.AccountSid !== expectedAccountSid) {
    throw new BatonError('VALIDATION_FAILED', 'AccountSid does not match TWILIO_ACCOUNT_SID');
  }
  return parsed.data;
}
