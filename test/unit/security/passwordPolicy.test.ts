import { commonPasswords, passwordProblem } from '../../../src/security/passwordPolicy';

describe('password policy', () => {
  test('ships a list of about ten thousand common passwords', () => {
    expect(commonPasswords().size).toBeGreaterThan(10_000);
    expect(commonPasswords().has('password')).toBe(true);
    expect(commonPasswords().has('qwerty123456')).toBe(true);
  });

  test.each(['password', '12345678', 'short-pw-11'])('refuses %j: shorter than 12 characters', (p) => {
    expect(passwordProblem(p)).toBe('at least 12 characters');
  });

  test.each(['1qaz2wsx3edc', 'qwerty123456', 'Password1234!', '!!Sunshine2024', 'football-1234', 'letmein_letmein'])(
    'refuses %j: a common password, or one dressed up with digits and symbols',
    (p) => {
      expect(passwordProblem(p)).toMatch(/too common|too easy/);
    },
  );

  test.each(['aaaaaaaaaaaa', 'abcabcabcabc', '123456789012', 'zyxwvutsrqpo'])('refuses %j: a repeated or consecutive run', (p) => {
    expect(passwordProblem(p)).toMatch(/too easy to guess/);
  });

  test.each([
    ['asha.rao@example.com', 'asha.rao@example.com'],
    ['asha.rao@example.com', 'ASHA.RAO@example.com!!'],
    ['asha.rao@example.com', 'asha.rao2024!!'],
    ['asha.rao@example.com', '##asha.rao##asha.rao'],
  ])('refuses the e-mail %s or its name part as the password (%j)', (email, p) => {
    expect(passwordProblem(p, email)).toMatch(/e-mail/);
  });

  test('accepts a long phrase that merely contains the name part', () => {
    expect(passwordProblem('asha.rao loves masala chai', 'asha.rao@example.com')).toBeNull();
  });

  test.each(['tangerine-kettle-orbit', 'lead-password-1', 'Blue tram at 7 past nine'])('accepts %j', (p) => {
    expect(passwordProblem(p)).toBeNull();
  });

  test('refuses a password made only of spaces', () => {
    expect(passwordProblem(' '.repeat(20))).toMatch(/spaces|easy/);
  });
});
