import { createHash } from 'node:crypto';
import winston from 'winston';

/**
 * JSON logs with winston. Message bodies, phone numbers, PSIDs and tokens never appear in clear:
 * fields with those names are replaced by a short stable fingerprint (so one customer's lines can
 * still be followed) or dropped, whatever the level.
 */

const SECRET_KEYS = new Set(['token', 'authtoken', 'password', 'secret', 'authorization', 'access_token', 'cookie']);
const PERSONAL_KEYS = new Set([
  'text',
  'body',
  'from',
  'to',
  'phone',
  'email',
  'address',
  'customeraddress',
  'psid',
  'waid',
  'profilename',
  'customername',
]);

/** A short, stable, non-reversible tag for a personal value: "#3f9a1c". */
export function fingerprint(value: string): string {
  return `#${createHash('sha256').update(value).digest('hex').slice(0, 6)}`;
}

function redactValue(key: string, value: unknown, depth: number): unknown {
  const k = key.toLowerCase();
  if (SECRET_KEYS.has(k)) return '[redacted]';
  if (PERSONAL_KEYS.has(k) && (typeof value === 'string' || typeof value === 'number')) {
    return fingerprint(String(value));
  }
  if (value && typeof value === 'object' && depth < 4 && !(value instanceof Error)) {
    if (Array.isArray(value)) return value.map((v) => redactValue(key, v, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [ck, cv] of Object.entries(value as Record<string, unknown>)) out[ck] = redactValue(ck, cv, depth + 1);
    return out;
  }
  return value;
}

const redact = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message' || key === 'timestamp') continue;
    (info as Record<string, unknown>)[key] = redactValue(key, info[key], 0);
  }
  return info;
});

export type Logger = winston.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', stream?: NodeJS.WritableStream): Logger {
  return dropDisabledLevelsEarly(winston.createLogger({
    level,
    format: winston.format.combine(
      winston.format.errors({ stack: true }),
      redact(),
      winston.format.timestamp(),
      winston.format.json(),
    ),
    defaultMeta: { service: 'baton' },
    transports: [
      stream
        ? new winston.transports.Stream({ stream })
        : new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] }),
    ],
  }));
}

/**
 * winston runs every line through its stream and formats (redaction with its hashes, timestamp,
 * JSON) and only then lets the transport drop lines below the level. The level methods
 * (`logger.debug(…)`, also on child loggers, which inherit them) return at once for a level that is
 * off instead.
 */
function dropDisabledLevelsEarly(logger: Logger): Logger {
  const methods = logger as unknown as Record<string, (this: Logger, ...args: unknown[]) => Logger>;
  for (const name of Object.keys(logger.levels)) {
    const write = methods[name];
    if (typeof write !== 'function') continue;
    methods[name] = function levelMethod(this: Logger, ...args: unknown[]): Logger {
      return this.isLevelEnabled(name) ? write.apply(this, args) : this;
    };
  }
  return logger;
}
