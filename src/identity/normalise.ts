/** Attributes indexed for matching typed contact details against other customers. */
export const INDEXED_ATTRIBUTES: readonly string[] = ['email', 'phone'];

/**
 * The comparable form of an indexed attribute, or null when it is not one:
 * e-mail lower-cased and trimmed; phone as `+` and digits (E.164 when written with a country code).
 */
export function normaliseAttribute(key: string, value: string): string | null {
  const v = value.trim();
  if (key === 'email') return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v.toLowerCase() : null;
  if (key === 'phone') {
    const digits = v.replace(/[\s().-]/g, '');
    return /^\+?\d{7,15}$/.test(digits) ? digits : null;
  }
  return null;
}

/** `whatsapp:+E164` from an E.164 number. */
export function whatsappAddress(e164: string): string {
  return `whatsapp:${e164}`;
}
