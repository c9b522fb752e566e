import type { TwilioParams } from './verifySignature';

/**
 * An `application/x-www-form-urlencoded` body → decoded parameters, flat (no `a[b]` nesting: Twilio signs
 * the names exactly as posted). A name posted more than once keeps every value, in order.
 */
export function parseFormParams(body: string): TwilioParams {
  const params: TwilioParams = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = params[name];
    if (seen === undefined) params[name] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else params[name] = [seen, value];
  }
  return params;
}
