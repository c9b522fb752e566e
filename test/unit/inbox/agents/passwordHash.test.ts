import { hashPassword, verifyPassword } from '../../../../src/inbox/agents/passwordHash';

const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashes', () => {
  test('verifies the password it was made from and nothing else', async () => {
    const h = await hashPassword('correct horse', cheap);
    expect(await verifyPassword('correct horse', h)).toBe(true);
    expect(await verifyPassword('correct horsf', h)).toBe(false);
  });

  test('salts every hash differently', async () => {
    expect(await hashPassword('same', cheap)).not.toBe(await hashPassword('same', cheap));
  });

  test('records its cost so stronger settings later still verify old hashes', async () => {
    const h = await hashPassword('pw', cheap);
    expect(h.startsWith('scrypt$1024$8$1$')).toBe(true);
  });

  test('rejects malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('pw', 'plain')).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$x$8$1$c2FsdA$aGFzaA')).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$1024$8$1$c2FsdA$short')).toBe(false);
  });
});
