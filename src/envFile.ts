import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * `npm start` reads `.env` from the working directory when there is one. Node 20 parses .env
 * files (util.parseEnv, 20.12+) but has no `--env-file-if-exists` (22.9+), and `--env-file`
 * stops the start when the file is missing; so this small loader, and no dotenv dependency.
 * Variables already in the environment win over the file, as with Node's own flag.
 * Returns the names it set.
 */
export function loadEnvFile(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string[] {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return [];
  const set: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    set.push(name);
  }
  return set;
}
