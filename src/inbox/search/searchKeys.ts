import { taggedKey } from '../../store/keys';

/**
 * Every Redis key of the inbox search and presence, built in one place (Redis Cluster hash tags
 * included). Each index key is an entity of its own: its hash tag is the whole indexed value, so
 * the keys spread over the cluster, and no script or MULTI ever spans two of them.
 */
export const searchKeys = {
  /** Conversations whose customer wrote, or is addressed by, this exact value (order number, phone, e-mail, address). */
  exact: (kind: string, value: string) => `search:exact:{${kind}:${value}}`,
  /** Conversations whose customer wrote this word (or whose name holds it), newest first: the word's first chunk. */
  word: (token: string) => taggedKey('search:word', token),
  /**
   * A word's chunks, newest first: the first is `word(token)`, the others `search:word:{token}:<n>`
   * (one hash tag: one slot, so one script writes them together).
   */
  wordChunks: (token: string, chunks: number) => Array.from({ length: chunks }, (_, i) => (i === 0 ? taggedKey('search:word', token) : taggedKey('search:word', token, String(i + 1)))),
  /** Whether the conversations written before the index existed have been indexed (running, done). */
  backfill: 'search:{backfill}:v1',
};

/** Presence keys: both belong to one entity (the desk's activity), so they share the hash tag. */
export const presenceKeys = {
  /** agentId → last activity (ms): login, presence change, the console's activity ping. */
  seen: 'presence:{activity}:seen',
  /** Agents the idle timeout set to away (back online on their next activity). */
  idled: 'presence:{activity}:idled',
};
