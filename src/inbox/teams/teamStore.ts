import type Redis from 'ioredis';
import { DEFAULT_TEAMS, teamSchema, type Team } from '../../handoff/types';
import { parseJson } from '../redisLike';

const KEY = 'teams';

/** Teams, one hash field per team id holding the validated team as JSON. */
export class TeamStore {
  constructor(private readonly redis: Redis) {}

  async list(): Promise<Team[]> {
    const all = await this.redis.hgetall(KEY);
    return Object.values(all)
      .map((raw) => parseJson<Team>(raw))
      .filter((t): t is Team => t !== undefined)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<Team | null> {
    return parseJson<Team>(await this.redis.hget(KEY, id)) ?? null;
  }

  /** Creates or replaces a team; throws a ZodError (400 VALIDATION_FAILED) for an invalid one. */
  async upsert(team: Team): Promise<Team> {
    const valid = teamSchema.parse(team);
    await this.redis.hset(KEY, valid.id, JSON.stringify(valid));
    return valid;
  }

  async remove(id: string): Promise<boolean> {
    return (await this.redis.hdel(KEY, id)) === 1;
  }

  /** Seeds DEFAULT_TEAMS when there is no team at all; returns the teams it created. */
  async ensureDefaults(): Promise<Team[]> {
    if ((await this.redis.hlen(KEY)) > 0) return [];
    const created: Team[] = [];
    for (const team of DEFAULT_TEAMS) {
      if ((await this.redis.hsetnx(KEY, team.id, JSON.stringify(team))) === 1) created.push(team);
    }
    return created;
  }
}
