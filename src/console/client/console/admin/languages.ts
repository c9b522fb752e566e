/** The languages the bot and the desk speak (README: English, Hindi, Hinglish, Urdu, Nepali), as the API's language tags. */
export const DESK_LANGUAGES: { tag: string; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'hi', name: 'Hindi' },
  { tag: 'hi-Latn', name: 'Hinglish' },
  { tag: 'ur', name: 'Urdu' },
  { tag: 'ne', name: 'Nepali' },
];

export function languageName(tag: string | undefined): string {
  if (!tag) return 'Any language';
  return DESK_LANGUAGES.find((l) => l.tag === tag)?.name ?? tag;
}
