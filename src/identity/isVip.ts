import type { CustomerAddress } from './types';

/**
 * Whether a configured VIP list names this customer: by customer id, by an address as stored
 * (`whatsapp:+919812345678`), by `channel:address` (`messenger:2345…`), or, for WhatsApp, by the
 * bare number (`+919812345678`).
 */
export function isVipBy(customerId: string, addresses: readonly Pick<CustomerAddress, 'channel' | 'address'>[], vipList: readonly string[]): boolean {
  const listed = new Set(vipList.map((v) => v.trim()).filter(Boolean));
  if (listed.has(customerId)) return true;
  return addresses.some((a) => {
    if (listed.has(a.address) || listed.has(`${a.channel}:${a.address}`)) return true;
    return (a.channel === 'whatsapp' || a.channel === 'whatsapp_cloud') && a.address.startsWith('whatsapp:') && listed.has(a.address.slice('whatsapp:'.length));
  });
}
