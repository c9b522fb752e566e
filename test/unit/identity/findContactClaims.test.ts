import { findContactClaims, phoneReadings } from '../../../src/identity/suggestLinks';
import { platformUserIdKind } from '../../../src/identity/platformUserIdKind';

describe('findContactClaims', () => {
  it('finds an E.164 number and an e-mail', () => {
    expect(findContactClaims('whatsapp +92 300 1234567, mail ASHA@Example.com')).toEqual([
      { kind: 'email', value: 'asha@example.com' },
      { kind: 'phone', value: '+923001234567' },
    ]);
  });

  it('normalises a 10-digit Indian mobile to E.164', () => {
    expect(findContactClaims('mera number 76543 21098 hai')).toEqual([{ kind: 'phone', value: '+917654321098' }]);
  });

  it('keeps a 98x mobile ambiguous, and reads it as Indian and Nepali', () => {
    expect(findContactClaims('९८४१२३४५६७')).toEqual([{ kind: 'phone', value: '9841234567' }]);
    expect(phoneReadings('9841234567')).toEqual(['+919841234567', '+9779841234567']);
  });

  it('does not read the digits of an e-mail address as a phone', () => {
    expect(findContactClaims('ravi.9876543210@gmail.com')).toEqual([{ kind: 'email', value: 'ravi.9876543210@gmail.com' }]);
  });

  it('checks at most five contact details per message', () => {
    const many = Array.from({ length: 8 }, (_, i) => `+9230012345${10 + i}`).join(' ');
    expect(findContactClaims(many)).toHaveLength(5);
  });
});

describe('platformUserIdKind', () => {
  it('recognises WhatsApp business-scoped user ids', () => {
    expect(platformUserIdKind('US.13491208655302741918')).toBe('bsuid');
    expect(platformUserIdKind('IN.ENT.a1b2c3')).toBe('bsuid');
  });

  it('treats WaId digits as a plain platform user id', () => {
    expect(platformUserIdKind('919812345678')).toBe('platform_user_id');
  });
});
