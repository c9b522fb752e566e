import type { Team } from './types';

/** Whether a team speaks a language: the same tag, or the same base language (a Hindi team takes hi-Latn). */
function speaks(team: Pick<Team, 'languages'>, language: string, exact: boolean): boolean {
  const base = language.split('-')[0];
  return (team.languages ?? []).some((l) => l === language || (!exact && l.split('-')[0] === base));
}

/**
 * Where an escalation goes once the conversation's language is known. The team the rules chose
 * keeps it when it speaks the language or has not stated its languages; otherwise the first team
 * (by id) that speaks it exactly, then one that speaks its base language, takes it; when none does,
 * the chosen team keeps it. Routing by language is off until a team states its languages.
 */
export function routeByLanguage(chosen: string, language: string | undefined, teams: readonly Pick<Team, 'id' | 'languages'>[]): string {
  if (!language) return chosen;
  const current = teams.find((t) => t.id === chosen);
  if (!current?.languages?.length || speaks(current, language, false)) return chosen;
  const byId = [...teams].sort((a, b) => a.id.localeCompare(b.id));
  return (byId.find((t) => speaks(t, language, true)) ?? byId.find((t) => speaks(t, language, false)))?.id ?? chosen;
}
