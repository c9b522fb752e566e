import type { AddressKind } from './types';

/**
 * WhatsApp business-scoped user ids (2026): a country code, a dot, then letters and digits
 * (`US.1349…`), or the parent form `CC.ENT.…`. Anything else beside an address (WaId digits,
 * another platform's id) is a plain platform user id.
 */
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]+$/;

export function platformUserIdKind(value: string): Extract<AddressKind, 'bsuid' | 'platform_user_id'> {
  return BSUID.test(value) ? 'bsuid' : 'platform_user_id';
}
