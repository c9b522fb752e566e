import type Redis from 'ioredis';
import { BatonError } from '../../errors';
import type { CsatScale } from '../../handoff/types';
import { newId } from '../ids';
import { parseJson } from '../redisLike';
import { taggedKey } from '../../store/keys';

/** A low satisfaction score someone should call back about. */
export interface FollowUp {
  id: string;
  conversationId: string;
  team: string;
  score: number;
  scale: CsatScale;
  dueAt: number;
  assigneeId?: string;
  status: 'open' | 'done';
  createdAt: number;
  doneAt?: number;
  doneBy?: string;
}

export type NewFollowUp = Pick<FollowUp, 'conversationId' | 'team' | 'score' | 'scale' | 'dueAt'> & { assigneeId?: string };

/** Follow-ups are written with their status index in one MULTI and read with MGET: one hash tag (src/store/keys.ts). */
const DIR = 'followups';
const K = {
  followUp: (id: string) => taggedKey('followup', DIR, id),
  /** Open ones by due time, done ones by completion time. */
  status: (status: FollowUp['status']) => taggedKey('followups', DIR, status),
};

export class FollowUpStore {
  constructor(private readonly redis: Redis) {}

  async open(input: NewFollowUp): Promise<FollowUp> {
    const f: FollowUp = {
      id: newId('fu'),
      conversationId: input.conversationId,
      team: input.team,
      score: input.score,
      scale: input.scale,
      dueAt: input.dueAt,
      ...(input.assigneeId === undefined ? {} : { assigneeId: input.assigneeId }),
      status: 'open',
      createdAt: Date.now(),
    };
    await this.redis.multi().set(K.followUp(f.id), JSON.stringify(f)).zadd(K.status('open'), f.dueAt, f.id).exec();
    return f;
  }

  async get(id: string): Promise<FollowUp | null> {
    return parseJson<FollowUp>(await this.redis.get(K.followUp(id))) ?? null;
  }

  /** Open ones soonest due first; done ones most recently done first. Both statuses when none is given. */
  async list(query: { status?: FollowUp['status']; team?: string } = {}): Promise<FollowUp[]> {
    const ids =
      query.status === 'open'
        ? await this.redis.zrange(K.status('open'), 0, -1)
        : query.status === 'done'
          ? await this.redis.zrevrange(K.status('done'), 0, -1)
          : [...(await this.redis.zrange(K.status('open'), 0, -1)), ...(await this.redis.zrevrange(K.status('done'), 0, -1))];
    if (ids.length === 0) return [];
    const rows = await this.redis.mget(...ids.map(K.followUp));
    return rows
      .map((raw) => parseJson<FollowUp>(raw))
      .filter((f): f is FollowUp => f !== undefined && (query.team === undefined || f.team === query.team));
  }

  /** Marks it done (idempotent: an already done one is returned unchanged). */
  async markDone(id: string, actorId: string): Promise<FollowUp> {
    const f = await this.get(id);
    if (!f) throw new BatonError('NOT_FOUND', `No follow-up with id ${id}`);
    if (f.status === 'done') return f;
    const done: FollowUp = { ...f, status: 'done', doneAt: Date.now(), doneBy: actorId };
    await this.redis
      .multi()
      .set(K.followUp(id), JSON.stringify(done))
      .zrem(K.status('open'), id)
      .zadd(K.status('done'), done.doneAt!, id)
      .exec();
    return done;
  }
}
