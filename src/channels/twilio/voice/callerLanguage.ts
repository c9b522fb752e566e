/** Calling codes of the countries whose main language the catalog speaks (longest first). */
const COUNTRY_LANGUAGES: readonly [prefix: string, lang: string][] = [
  ['+977', 'ne'],
  ['+91', 'hi'],
  ['+92', 'ur'],
];

/**
 * The language a caller hears, most specific first: the language of the caller's known
 * conversation (or customer), else the one of their country's calling code, else the default.
 * Only languages the catalog speaks are chosen.
 */
export function callerLanguage(input: { known?: string; phone: string; defaultLanguage: string; languages: readonly string[] }): string {
  const speaks = (l: string | undefined): l is string => l !== undefined && input.languages.includes(l);
  if (speaks(input.known)) return input.known;
  const byCountry = COUNTRY_LANGUAGES.find(([prefix]) => input.phone.startsWith(prefix))?.[1];
  if (speaks(byCountry)) return byCountry;
  return input.defaultLanguage;
}
