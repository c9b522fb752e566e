import type Redis from 'ioredis';
import { z } from 'zod';

/**
 * What is known about each upload, in Redis so every instance knows it: `upload:{u:<id>}` (a JSON
 * record; every key of one upload shares the hash tag `{u:<id>}`). Read back through zod: a record
 * that no longer parses counts as missing.
 */

export const uploadRecordSchema = z.object({
  id: z.string().regex(/^up_[a-z0-9]{6,16}_[a-f0-9]{20}$/),
  conversationId: z.string().min(1),
  /** The agent who uploaded it. */
  agentId: z.string().min(1),
  /** The name it came with, checked (shown to agents; the file is stored under `id.ext`). */
  name: z.string().min(1).max(200),
  contentType: z.string(),
  ext: z.string().regex(/^[a-z]{2,5}$/),
  kind: z.enum(['image', 'file']),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  createdAt: z.number(),
});
export type UploadRecord = z.infer<typeof uploadRecordSchema>;

/** Every Redis key of uploads, built here and nowhere else. */
export const uploadKeys = {
  record: (id: string) => `upload:{u:${id}}`,
};

export class UploadStore {
  constructor(private readonly redis: Redis) {}

  async save(record: UploadRecord): Promise<void> {
    await this.redis.set(uploadKeys.record(record.id), JSON.stringify(uploadRecordSchema.parse(record)));
  }

  async get(id: string): Promise<UploadRecord | null> {
    const raw = await this.redis.get(uploadKeys.record(id));
    if (!raw) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return null;
    }
    const parsed = uploadRecordSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  }
}
