/** What Baton tells the CRM about who the customer is: only verified identifiers. */
export interface CrmIdentifiers {
  /** Baton's customer id (stable across linked channels). */
  customerId: string;
  /** E.164 numbers from verified WhatsApp/SMS addresses. */
  phones: string[];
  /** Verified e-mail addresses (Baton verifies none today: always empty, kept for the contract). */
  emails: string[];
  /** Messenger page-scoped ids from verified addresses. */
  psids: string[];
  /** Every verified address on every linked channel, as Baton knows it. */
  linked: { channel: string; address: string }[];
}

const E164 = /^\+[1-9]\d{6,14}$/;

/** The verified identifiers of a customer record (pure). Unverified addresses are never sent. */
export function crmIdentifiers(customer: { id: string; addresses: readonly { channel: string; address: string; verified: boolean }[] }): CrmIdentifiers {
  const verified = customer.addresses.filter((a) => a.verified);
  const phones = verified
    .filter((a) => a.channel === 'whatsapp')
    .map((a) => a.address.replace(/^whatsapp:/, ''))
    .filter((p) => E164.test(p));
  const psids = verified.filter((a) => a.channel === 'messenger').map((a) => a.address);
  return {
    customerId: customer.id,
    phones: [...new Set(phones)],
    emails: [],
    psids: [...new Set(psids)],
    linked: verified.map((a) => ({ channel: a.channel, address: a.address })),
  };
}
