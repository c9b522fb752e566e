import type { z } from 'zod';
import { BatonError } from '../../errors';

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** Parses with a zod schema or throws VALIDATION_FAILED naming the first bad field (`entry[0].changes[1].value…`). */
export function validatePayload<S extends z.ZodType>(label: string, schema: S, value: unknown, at: (string | number)[]): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = formatPath([...at, ...(issue?.path ?? [])]) || 'body';
  throw new BatonError('VALIDATION_FAILED', `${label} webhook payload is invalid at ${field}: ${issue?.message ?? 'unexpected shape'}`, { field });
}
