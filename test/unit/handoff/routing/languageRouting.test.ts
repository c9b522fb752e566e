import { routeByLanguage } from '../../../../src/handoff/languageRouting';

const teams = [
  { id: 'care', languages: ['en'] },
  { id: 'care-south', languages: ['en', 'ne'] },
  { id: 'care-north', languages: ['hi', 'ur'] },
  { id: 'sales' },
];

describe('routing by language', () => {
  test('keeps the chosen team when it speaks the language', () => {
    expect(routeByLanguage('care', 'en', teams)).toBe('care');
  });

  test('sends an Urdu conversation to the team that speaks Urdu', () => {
    expect(routeByLanguage('care', 'ur', teams)).toBe('care-north');
  });

  test('a team that speaks Hindi takes Hinglish (hi-Latn) when no team speaks it exactly', () => {
    expect(routeByLanguage('care', 'hi-Latn', teams)).toBe('care-north');
  });

  test('prefers a team that speaks the exact tag over one that speaks its base language', () => {
    expect(routeByLanguage('care', 'hi-Latn', [...teams, { id: 'zz-hinglish', languages: ['hi-Latn'] }])).toBe('zz-hinglish');
  });

  test('keeps the chosen team when it has not stated its languages', () => {
    expect(routeByLanguage('sales', 'ur', teams)).toBe('sales');
  });

  test('keeps the chosen team when no team speaks the language', () => {
    expect(routeByLanguage('care', 'fr', teams)).toBe('care');
  });

  test('keeps the chosen team when the language is unknown', () => {
    expect(routeByLanguage('care', undefined, teams)).toBe('care');
  });
});
