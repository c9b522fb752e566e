import type Redis from 'ioredis';
import { BatonError } from '../../errors';
import { newId } from '../ids';
import { parseJson } from '../redisLike';
import { taggedKey } from '../../store/keys';

/** A prepared reply an agent inserts by typing its shortcut ("/refund"). */
export interface CannedAnswer {
  id: string;
  team: string;
  shortcut: string;
  title: string;
  text: string;
  language?: string;
  createdAt: number;
  updatedAt: number;
}

export type CannedAnswerInput = Pick<CannedAnswer, 'team' | 'shortcut' | 'title' | 'text'> & { language?: string };

/** A small directory written with its indexes in one MULTI and read with MGET: one hash tag (src/store/keys.ts). */
const DIR = 'canned';
const K = {
  answer: (id: string) => taggedKey('canned', DIR, id),
  all: taggedKey('canned', DIR, 'all'),
  shortcut: (team: string, shortcut: string) => taggedKey('canned', DIR, 'shortcut', team, shortcut.toLowerCase()),
};

export class CannedAnswerStore {
  constructor(private readonly redis: Redis) {}

  async create(input: CannedAnswerInput): Promise<CannedAnswer> {
    const id = newId('ca');
    await this.claimShortcut(input, id);
    const now = Date.now();
    const answer: CannedAnswer = { id, ...withoutUndefined(input), createdAt: now, updatedAt: now };
    await this.redis.multi().set(K.answer(id), JSON.stringify(answer)).zadd(K.all, now, id).exec();
    return answer;
  }

  async get(id: string): Promise<CannedAnswer | null> {
    return parseJson<CannedAnswer>(await this.redis.get(K.answer(id))) ?? null;
  }

  async list(query: { team?: string } = {}): Promise<CannedAnswer[]> {
    const ids = await this.redis.zrange(K.all, 0, -1);
    if (ids.length === 0) return [];
    const rows = await this.redis.mget(...ids.map(K.answer));
    return rows
      .map((raw) => parseJson<CannedAnswer>(raw))
      .filter((a): a is CannedAnswer => a !== undefined && (query.team === undefined || a.team === query.team))
      .sort((a, b) => a.team.localeCompare(b.team) || a.shortcut.localeCompare(b.shortcut));
  }

  /** Replaces an answer's content; moving it to another team or shortcut keeps shortcuts unique per team. */
  async update(id: string, input: CannedAnswerInput): Promise<CannedAnswer> {
    const current = await this.get(id);
    if (!current) throw new BatonError('NOT_FOUND', `No canned answer with id ${id}`);
    const moved = claimKey(current) !== claimKey(input);
    if (moved) await this.claimShortcut(input, id);
    const next: CannedAnswer = { id, ...withoutUndefined(input), createdAt: current.createdAt, updatedAt: Date.now() };
    const tx = this.redis.multi().set(K.answer(id), JSON.stringify(next));
    if (moved) for (const key of await this.heldKeys(current)) tx.del(key);
    await tx.exec();
    return next;
  }

  async remove(id: string): Promise<boolean> {
    const current = await this.get(id);
    if (!current) return false;
    const tx = this.redis.multi().del(K.answer(id)).zrem(K.all, id);
    for (const key of await this.heldKeys(current)) tx.del(key);
    await tx.exec();
    return true;
  }

  private async claimShortcut(input: CannedAnswerInput, id: string): Promise<void> {
    const ok = await this.redis.set(claimKey(input), id, 'NX');
    if (ok !== 'OK') {
      const where = input.language ? ` in ${input.language}` : ' for any language';
      throw new BatonError('CONFLICT', `The team ${input.team} already has a canned answer ${input.shortcut}${where}`);
    }
  }

  /** The shortcut claims an answer holds: its own, and the language-blind one a tagged answer got before shortcuts were per language. */
  private async heldKeys(a: CannedAnswer): Promise<string[]> {
    const legacy = K.shortcut(a.team, a.shortcut);
    return a.language !== undefined && (await this.redis.get(legacy)) === a.id ? [claimKey(a), legacy] : [claimKey(a)];
  }
}

/**
 * Shortcuts are unique per team and language: /refund in Hindi and /refund in English are two
 * answers, and /refund without a language is the one for every other language.
 */
function claimKey(a: { team: string; shortcut: string; language?: string }): string {
  return K.shortcut(a.team, a.language === undefined ? a.shortcut : `${a.language}:${a.shortcut}`);
}

function withoutUndefined(input: CannedAnswerInput): CannedAnswerInput {
  const { language, ...rest } = input;
  return language === undefined ? rest : { ...rest, language };
}
