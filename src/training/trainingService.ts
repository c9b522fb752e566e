import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BotTurnOutput } from '../bot/botBrain';
import type { ConversationStore } from '../conversations/conversationStore';
import type { Conversation, Message } from '../conversations/types';
import { BatonError, isBatonError } from '../errors';
import type { AuditLog } from '../handoff/types';
import type { Logger } from '../logger';
import { parseCatalogFiles, type CatalogFile, formatIssue, type CatalogIssue } from '../nlu/catalog';
import { LANGUAGE_CONFIDENCE_THRESHOLD } from '../nlu/language';
import type { Catalog, Classification, LanguageDetector, ScoredIntent } from '../nlu/types';
import { clusterItems, type Cluster } from './clusterItems';
import { intentAnsweredByAgent } from './matchAgentReply';
import { mergeOverlay } from './mergeOverlay';
import { REVIEW_RETENTION_MS, type TrainingStore } from './trainingStore';
import type { ImpactReport, Overlay, OverlayExample, OverlayIntent, ReviewItem, ReviewReason, Suggestion } from './types';

/** What the training inbox needs of a classifier: its verdict and its ranked candidates. */
export interface ScoringClassifier {
  classify(text: string): Classification;
  topK(text: string, k: number): ScoredIntent[];
}

export interface TrainingDeps {
  store: TrainingStore;
  conversations: Pick<ConversationStore, 'get' | 'listMessages'>;
  audit: AuditLog;
  logger: Logger;
  /** The catalog the bot serves now (its files with the overlay merged in). */
  catalog: () => Catalog;
  /** Serves a catalog (files + overlay): the bot's brain is rebuilt for it, and swapped in whole. */
  apply: (catalog: Catalog) => void;
  /** The models of a catalog (trained once per catalog object, shared with the bot's brain). */
  models: (catalog: Catalog) => { classifier: ScoringClassifier; languageDetector: LanguageDetector };
  /** Confidence at which the bot answers (NLU_ANSWER_THRESHOLD). */
  answerThreshold: number;
  env?: NodeJS.ProcessEnv;
  clock?: () => number;
  /** How often the overlay version is compared with Redis (other instances' changes). Default 2000 ms. */
  pollMs?: number;
}

/** Candidates offered per review item. */
export const SUGGESTIONS = 3;
/** The review list shows at most this many pending items (oldest first); clustering reads as many. */
export const REVIEW_PAGE = 500;

export interface ReviewView extends ReviewItem {
  /** What the model serving now does with the message. */
  now: { intent: string | null; confidence: number; answered: boolean };
}

export interface ReviewList {
  items: ReviewView[];
  pendingTotal: number;
  clusters: Cluster[];
  /** Messages of the last 30 days (any status) the bot would answer now, of how many. */
  lastThirtyDays: { scored: number; answeredNow: number };
  /** What the last change did, once this instance or another re-scored after it. */
  impact: ImpactReport | null;
  overlayVersion: number;
  /** The overlay version this instance serves (behind overlayVersion while it retrains). */
  servedVersion: number;
  /** The intents a reviewer may pick (the catalog being served). */
  intents: string[];
}

export interface ProposedIntent {
  id: string;
  title?: string;
  answer: string;
  team?: string;
  itemIds: string[];
}

/** Reviewer actions and training reloads, with who did them (never the message text) in the audit log. */
export class TrainingService {
  private base: { catalog: Catalog; files: CatalogFile[] } | null = null;
  private baseProblem: string | null = null;
  private servedVersion = 0;
  private reloading: Promise<void> | null = null;
  private again = false;
  /** A change made here waits for its impact report (kept until a reload succeeds). */
  private impactOwed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  /** What the served model does with each text, kept until the served catalog changes (lists re-read often). */
  private verdicts: { catalog: Catalog | null; byText: Map<string, ReviewView['now']> } = { catalog: null, byText: new Map() };

  constructor(private readonly deps: TrainingDeps) {
    this.now = deps.clock ?? Date.now;
  }

  // ---------------------------------------------------------------- catalog files and reloads

  /**
   * The catalog as its files say (a file reload brings a new one): the overlay is merged over it
   * again and the result served. Its files are read from the paths the catalog lists.
   */
  async setBase(catalog: Catalog): Promise<void> {
    try {
      const files = await Promise.all(catalog.files.map(async (p) => ({ path: p, content: await readFile(p, 'utf8') })));
      this.base = { catalog, files };
      this.baseProblem = null;
    } catch (err) {
      this.base = null;
      this.baseProblem = `the catalog files could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
      this.deps.logger.warn('training overlay unavailable: the catalog files could not be read', { reason: this.baseProblem });
      return;
    }
    this.servedVersion = -1; // merge again whatever the version
    await this.reload();
  }

  /** Reads the catalog files, serves the overlay, and checks Redis for other instances' changes. */
  async start(): Promise<void> {
    await this.setBase(this.deps.catalog());
    const pollMs = this.deps.pollMs ?? 2000;
    this.timer = setInterval(() => {
      void this.checkVersion();
    }, pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Waits for the reload under way, if any (tests, benchmarks). */
  async settled(): Promise<void> {
    while (this.reloading) await this.reloading;
  }

  get version(): number {
    return this.servedVersion;
  }

  private async checkVersion(): Promise<void> {
    try {
      if (this.base && (await this.deps.store.version()) !== this.servedVersion) this.scheduleReload();
    } catch (err) {
      this.deps.logger.warn('training overlay version check failed', { reason: (err as Error).message });
    }
  }

  /** Reloads off the request path (after the answer is sent); reloads asked for meanwhile run once after. */
  private scheduleReload(): void {
    if (this.reloading) {
      this.again = true;
      return;
    }
    this.reloading = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.reload())
      .catch((err: unknown) => {
        this.deps.logger.error('training overlay reload failed; serving the last good catalog', { reason: (err as Error).message });
      })
      .finally(() => {
        this.reloading = null;
        const next = this.again;
        this.again = false;
        if (next) this.scheduleReload();
      });
  }

  /**
   * Merges the overlay over the files, trains the models (in apply) and swaps the catalog in whole;
   * after a change made here, re-scores the last 30 days' review items with the models before and after.
   */
  private async reload(): Promise<void> {
    if (!this.base) return;
    const version = await this.deps.store.version();
    if (version === this.servedVersion) return;
    const overlay = await this.deps.store.overlay();
    const started = this.now();
    const before = this.deps.catalog();
    const next = overlay.examples.length + overlay.intents.length === 0 ? this.base.catalog : this.merge(this.base, overlay);
    if (next !== before) this.deps.apply(next);
    this.servedVersion = version;
    this.deps.logger.info('training overlay served', { version, examples: overlay.examples.length, intents: overlay.intents.length, ms: this.now() - started });
    if (this.impactOwed) {
      await this.deps.store.saveImpact(await this.impact(before, next, version));
      this.impactOwed = false;
    }
  }

  private merge(base: { catalog: Catalog; files: CatalogFile[] }, overlay: Overlay): Catalog {
    const { files } = mergeOverlay(base.files, overlay, base.catalog.defaultLanguage);
    return parseCatalogFiles(files, this.deps.env ?? process.env);
  }

  private answers(c: Classification): boolean {
    return c.intent !== null && c.confidence >= this.deps.answerThreshold;
  }

  private async impact(before: Catalog, after: Catalog, version: number): Promise<ImpactReport> {
    const items = await this.deps.store.since(this.now() - REVIEW_RETENTION_MS);
    const old = this.deps.models(before).classifier;
    const fresh = this.deps.models(after).classifier;
    return {
      version,
      scored: items.length,
      answeredBefore: items.filter((i) => this.answers(old.classify(i.text))).length,
      answeredAfter: items.filter((i) => this.answers(fresh.classify(i.text))).length,
      at: this.now(),
    };
  }

  /**
   * The catalog with the overlay plus a change, through the same loader and rules as a hand edit of
   * the files: VALIDATION_FAILED listing what is wrong when it does not pass.
   */
  private validate(overlay: Overlay): void {
    if (!this.base) throw new BatonError('CONFLICT', `The training inbox cannot change the catalog: ${this.baseProblem ?? 'it is still starting'}`);
    try {
      this.merge(this.base, overlay);
    } catch (err) {
      if (!isBatonError(err) || err.code !== 'CATALOG_INVALID') throw err;
      const issues = (Array.isArray(err.details) ? err.details : []) as CatalogIssue[];
      const named = issues.map((i) => ({ ...i, file: path.basename(i.file) }));
      throw new BatonError(
        'VALIDATION_FAILED',
        `The catalog would not load with this change: ${named.slice(0, 3).map(formatIssue).join('; ')}`,
        named.map((i) => ({ path: i.path, message: formatIssue(i) })),
      );
    }
  }

  // ---------------------------------------------------------------- capture

  private suggestionsFor(text: string): Suggestion[] {
    return this.deps.models(this.deps.catalog()).classifier.topK(text, SUGGESTIONS);
  }

  /** The message's detected language; the conversation's when the detector is unsure. */
  private languageOf(text: string, fallback: string | undefined): string {
    const catalog = this.deps.catalog();
    const guess = this.deps.models(catalog).languageDetector.detect(text);
    if (guess.confidence >= LANGUAGE_CONFIDENCE_THRESHOLD && catalog.languages.includes(guess.lang)) return guess.lang;
    return fallback && catalog.languages.includes(fallback) ? fallback : catalog.defaultLanguage;
  }

  private async record(conversation: Conversation, message: Message, reasons: ReviewReason[], suggestions?: Suggestion[]): Promise<void> {
    const text = message.text?.trim();
    if (!text) return;
    await this.deps.store.record(
      {
        id: message.id,
        conversationId: conversation.id,
        channel: conversation.channel,
        text,
        lang: this.languageOf(text, conversation.language),
        reasons,
        suggestions: suggestions ?? this.suggestionsFor(text),
        createdAt: message.createdAt,
      },
      reasons,
    );
  }

  /**
   * After the bot's turn (and the escalation policy): a fallback or an unanswered question, a
   * "did you mean…?" the customer declined (the message it was asked about), an escalation after
   * misses. Never fails the turn.
   */
  async afterTurn(conversation: Conversation, message: Message, outcome: BotTurnOutput): Promise<void> {
    try {
      const types = new Set(outcome.signals.map((s) => s.type));
      if (types.has('misunderstood')) {
        const after = (await this.deps.conversations.get(conversation.id)) ?? conversation;
        const escalated = after.status !== 'bot' && after.escalationReason === 'repeated_misunderstanding' && (after.escalatedAt ?? 0) >= message.createdAt - 1000;
        await this.record(after, message, escalated ? ['fallback', 'escalation'] : ['fallback']);
      }
      const declined = outcome.signals.find((s) => s.type === 'clarification_declined');
      if (declined) {
        const asked = await this.customerMessageBefore(conversation.id, message);
        if (asked) {
          const offered = typeof declined.intent === 'string' ? declined.intent : undefined;
          const ranked = this.suggestionsFor(asked.text ?? '');
          // The option the customer said no to goes last.
          const suggestions = [...ranked.filter((s) => s.intent !== offered), ...ranked.filter((s) => s.intent === offered)];
          await this.record(conversation, asked, ['declined_clarification'], suggestions);
        }
      }
    } catch (err) {
      this.deps.logger.warn('training review item not recorded', { conversationId: conversation.id, reason: (err as Error).message });
    }
  }

  /**
   * After an agent's reply: when it reads like a catalog answer, the customer's question before it
   * is one the bot should have known (unless the model answers it by now). Never fails the reply.
   */
  async onAgentReply(conversation: Conversation, reply: Message): Promise<void> {
    try {
      if (!reply.text) return;
      const match = intentAnsweredByAgent(this.deps.catalog(), reply.text);
      if (!match) return;
      const asked = await this.customerMessageBefore(conversation.id, reply);
      if (!asked?.text) return;
      const classifier = this.deps.models(this.deps.catalog()).classifier;
      const verdict = classifier.classify(asked.text);
      if (this.answers(verdict) && verdict.intent === match.intent) return;
      const all = classifier.topK(asked.text, Number.MAX_SAFE_INTEGER);
      const matched = all.find((s) => s.intent === match.intent) ?? { intent: match.intent, confidence: 0 };
      const suggestions = [matched, ...all.filter((s) => s.intent !== match.intent).slice(0, SUGGESTIONS - 1)];
      await this.record(conversation, asked, ['agent_answered'], suggestions);
    } catch (err) {
      this.deps.logger.warn('training review item not recorded', { conversationId: conversation.id, reason: (err as Error).message });
    }
  }

  /** The customer's last message with text before `message` in the conversation. */
  private async customerMessageBefore(conversationId: string, message: Message): Promise<Message | null> {
    const recent = await this.deps.conversations.listMessages(conversationId, { limit: 50 });
    const end = recent.findIndex((m) => m.id === message.id);
    const earlier = end >= 0 ? recent.slice(0, end) : recent.filter((m) => m.createdAt <= message.createdAt && m.id !== message.id);
    return [...earlier].reverse().find((m) => m.author === 'customer' && m.direction === 'inbound' && m.text?.trim()) ?? null;
  }

  // ---------------------------------------------------------------- reviewer actions

  async list(): Promise<ReviewList> {
    const [pending, pendingTotal, recent, impact, overlayVersion] = await Promise.all([
      this.deps.store.pending(REVIEW_PAGE),
      this.deps.store.pendingCount(),
      this.deps.store.since(this.now() - REVIEW_RETENTION_MS),
      this.deps.store.impact(),
      this.deps.store.version(),
    ]);
    const items = pending.map((item) => ({ ...item, now: this.verdict(item.text) }));
    return {
      items,
      pendingTotal,
      clusters: clusterItems(pending),
      lastThirtyDays: { scored: recent.length, answeredNow: recent.filter((i) => this.verdict(i.text).answered).length },
      impact,
      overlayVersion,
      servedVersion: this.servedVersion,
      intents: this.deps.catalog().intents.map((i) => i.id).sort(),
    };
  }

  private verdict(text: string): ReviewView['now'] {
    const catalog = this.deps.catalog();
    if (this.verdicts.catalog !== catalog) this.verdicts = { catalog, byText: new Map() };
    let v = this.verdicts.byText.get(text);
    if (!v) {
      const c = this.deps.models(catalog).classifier.classify(text);
      v = { intent: c.intent, confidence: c.confidence, answered: this.answers(c) };
      this.verdicts.byText.set(text, v);
    }
    return v;
  }

  private async pendingItem(id: string): Promise<{ raw: string; item: ReviewItem }> {
    const loaded = await this.deps.store.load(id);
    if (loaded.item.status !== 'pending') {
      throw new BatonError('CONFLICT', `Review item ${id} was already ${loaded.item.status}${loaded.item.decision ? ` by ${loaded.item.decision.by}` : ''}`);
    }
    return loaded;
  }

  private knownIntent(id: string, overlay: Overlay): void {
    const known = this.deps.catalog().intents.some((i) => i.id === id) || overlay.intents.some((i) => i.id === id);
    if (!known) throw new BatonError('VALIDATION_FAILED', `No intent "${id}" in the catalog: pick one of the catalog's intents, or propose a new intent`);
  }

  /**
   * Adds the message to the catalog as an example of `intent` (default: the top suggestion), in the
   * message's language, once it passes the catalog's rules. The bot retrains off the request path.
   */
  async accept(id: string, reviewer: { id: string }, intent?: string): Promise<{ example: OverlayExample; version: number }> {
    const { raw, item } = await this.pendingItem(id);
    const target = intent ?? item.suggestions[0]?.intent;
    if (!target) throw new BatonError('VALIDATION_FAILED', 'This item has no suggestion: pick an intent');
    const overlay = await this.deps.store.overlay();
    this.knownIntent(target, overlay);
    const text = item.text.trim();
    const catalogIntent = this.deps.catalog().intents.find((i) => i.id === target);
    if (catalogIntent?.examples[item.lang]?.includes(text)) {
      throw new BatonError('CONFLICT', `"${target}" already has this example in ${item.lang}; dismiss the item instead`);
    }
    const at = this.now();
    const example: OverlayExample = { id: `ex_${item.id}`, intent: target, lang: item.lang, text, acceptedBy: reviewer.id, acceptedAt: at, itemId: item.id };
    this.validate({ ...overlay, examples: [...overlay.examples, example] });
    // Owed before the write: a reload that another path starts meanwhile still reports it.
    this.impactOwed = true;
    const version = await this.deps.store.decide({
      items: [{ before: raw, after: { ...item, status: 'accepted', decision: { intent: target, by: reviewer.id, at } } }],
      examples: [example],
    });
    await this.deps.audit.record({ actor: reviewer.id, action: 'training.accept', target: `training:${item.id}`, details: { intent: target, lang: item.lang, version } });
    this.scheduleReload();
    return { example, version };
  }

  async dismiss(id: string, reviewer: { id: string }): Promise<void> {
    const { raw, item } = await this.pendingItem(id);
    await this.deps.store.decide({ items: [{ before: raw, after: { ...item, status: 'dismissed', decision: { by: reviewer.id, at: this.now() } } }] });
    await this.deps.audit.record({ actor: reviewer.id, action: 'training.dismiss', target: `training:${item.id}` });
  }

  /** A new intent whose examples are the given pending messages (a cluster), each in its language. */
  async propose(input: ProposedIntent, reviewer: { id: string }): Promise<{ intent: OverlayIntent; version: number }> {
    const loaded = await Promise.all([...new Set(input.itemIds)].map((i) => this.pendingItem(i)));
    const overlay = await this.deps.store.overlay();
    if (this.deps.catalog().intents.some((i) => i.id === input.id) || overlay.intents.some((i) => i.id === input.id)) {
      throw new BatonError('CONFLICT', `An intent "${input.id}" exists already: accept the messages as its examples instead`);
    }
    const examples: Record<string, string[]> = {};
    for (const { item } of loaded) {
      const list = (examples[item.lang] ??= []);
      if (!list.includes(item.text.trim())) list.push(item.text.trim());
    }
    const at = this.now();
    const intent: OverlayIntent = {
      id: input.id,
      ...(input.title ? { title: input.title } : {}),
      answer: input.answer,
      ...(input.team ? { team: input.team } : {}),
      examples,
      createdBy: reviewer.id,
      createdAt: at,
    };
    this.validate({ ...overlay, intents: [...overlay.intents, intent] });
    this.impactOwed = true;
    const version = await this.deps.store.decide({
      items: loaded.map(({ raw, item }) => ({ before: raw, after: { ...item, status: 'accepted' as const, decision: { intent: input.id, by: reviewer.id, at } } })),
      intent,
    });
    await this.deps.audit.record({ actor: reviewer.id, action: 'training.propose_intent', target: `intent:${input.id}`, details: { items: loaded.length, version } });
    this.scheduleReload();
    return { intent, version };
  }

  /** Accepted examples and proposed intents, with who added them and when. */
  async overlay(): Promise<Overlay & { version: number }> {
    const [overlay, version] = await Promise.all([this.deps.store.overlay(), this.deps.store.version()]);
    return { ...overlay, version };
  }

  /** The brand's catalog files the overlay changes, with the overlay written in (for their repository). */
  async exportFiles(): Promise<{ version: number; files: { name: string; content: string }[] }> {
    if (!this.base) throw new BatonError('CONFLICT', `Nothing to export: ${this.baseProblem ?? 'the training inbox is still starting'}`);
    const { examples, intents, version } = await this.overlay();
    const merged = mergeOverlay(this.base.files, { examples, intents }, this.base.catalog.defaultLanguage);
    const byPath = new Map(merged.files.map((f) => [f.path, f.content]));
    return { version, files: merged.changed.map((p) => ({ name: path.basename(p), content: byPath.get(p) as string })) };
  }
}
