import { isVipBy } from '../../../src/identity/isVip';

const addresses = [
  { channel: 'whatsapp' as const, address: 'whatsapp:+919812345678' },
  { channel: 'messenger' as const, address: '24012345678901234' },
];

describe('isVipBy', () => {
  it('matches the customer id', () => {
    expect(isVipBy('cu_1', addresses, ['cu_1'])).toBe(true);
  });

  it('matches a WhatsApp address with or without its prefix', () => {
    expect(isVipBy('cu_1', addresses, ['whatsapp:+919812345678'])).toBe(true);
    expect(isVipBy('cu_1', addresses, ['+919812345678'])).toBe(true);
  });

  it('matches a Messenger PSID as channel:address', () => {
    expect(isVipBy('cu_1', addresses, ['messenger:24012345678901234'])).toBe(true);
  });

  it('does not match other customers or numbers', () => {
    expect(isVipBy('cu_1', addresses, ['cu_2', 'whatsapp:+919800000000', ''])).toBe(false);
  });
});
