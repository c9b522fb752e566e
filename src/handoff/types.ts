import { z } from 'zod';
import { factSchema } from '../conversations/fact';
import type { ChannelName } from '../conversations/types';
import { isKnownTimeZone } from '../nlu/slots/findDates';
import { crmRecordSchema } from './crm/crmRecord';

/**
 * The handoff vocabulary shared by the escalation policy, the packet, queues, the agent API and
 * the console: why a conversation went to a person, to which team, how urgent, and who owns it.
 */

export const ESCALATION_REASONS = [
  /** The customer asked for a person ("agent", "insaan se baat karni hai", "نمائندے سے بات"…). */
  'customer_requested',
  /** The matched intent is flagged `handoff: true` in the catalog. */
  'intent_flagged',
  /** The bot failed to understand twice in a row. */
  'repeated_misunderstanding',
  /** Anger above the configured threshold. */
  'negative_sentiment',
  /** Abusive language. */
  'abuse',
  /** The fulfillment webhook timed out, failed, or asked for a person. */
  'fulfillment_failed',
  /** A VIP customer (configured list or attribute) needs the bot's help with anything non-trivial. */
  'vip',
  /** An agent or integrator escalated it by hand (API). */
  'manual',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export interface Sentiment {
  /** -1 (very negative) … 1 (very positive). */
  score: number;
  label: 'negative' | 'neutral' | 'positive';
  /** 0 … 1: how angry the message reads. */
  anger: number;
  abusive: boolean;
  /** Lexicon entries that matched (for the agent, never logged at info). */
  matched: string[];
}

export interface EscalationConfig {
  /** Anger at or above this escalates (0..1). */
  angerThreshold: number;
  /** Misunderstandings in a row before handing off. */
  misunderstandingsBeforeHandoff: number;
  /** Team used when the intent names none. */
  defaultTeam: string;
  /** Priority per reason; VIP customers are raised one step more. */
  priorityByReason: Record<EscalationReason, Priority>;
}

export const DEFAULT_ESCALATION_CONFIG: EscalationConfig = {
  angerThreshold: 0.6,
  misunderstandingsBeforeHandoff: 2,
  defaultTeam: 'care',
  priorityByReason: {
    customer_requested: 'normal',
    intent_flagged: 'normal',
    repeated_misunderstanding: 'normal',
    negative_sentiment: 'high',
    abuse: 'high',
    fulfillment_failed: 'normal',
    vip: 'high',
    manual: 'normal',
  },
};

export type EscalationDecision =
  | { escalate: false }
  | {
      escalate: true;
      /** The main reason (the first trigger by precedence). */
      reason: EscalationReason;
      /** Every trigger that fired, main one first. */
      reasons: EscalationReason[];
      team: string;
      priority: Priority;
    };

/** Who owns a conversation right now. Exactly one at a time. */
export type Owner = { kind: 'bot' } | { kind: 'queue'; team: string } | { kind: 'agent'; agentId: string; team: string };

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'use HH:MM, 24-hour' });

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'use YYYY-MM-DD' })
  .refine(
    (d) => {
      const t = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
    },
    { message: 'not a calendar date' },
  );

export const businessHoursSchema = z
  .object({
    /** IANA time zone, e.g. Asia/Kolkata. */
    timeZone: z.string().min(1).refine(isKnownTimeZone, { message: 'not a time zone; use an IANA name such as Asia/Kolkata' }),
    /** Opening intervals per weekday; a day not listed is closed. */
    days: z.partialRecord(z.enum(weekdays), z.array(z.object({ open: hhmm, close: hhmm })).max(4)),
    /** Dates (in the team's time zone) closed all day, whatever their weekday says. */
    holidays: z.array(calendarDay).max(366).optional(),
  })
  .strict();
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** A language tag as Baton stores it on a conversation (en, hi, hi-Latn, ur, ne). */
export const languageTagSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, { message: 'a language tag such as en, hi, hi-Latn, ur or ne' });

export const teamSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, { message: 'lower-case letters, digits, _ or -, starting with a letter' }),
    name: z.string().min(1).max(80),
    /** Absent = always open. */
    businessHours: businessHoursSchema.optional(),
    /** The agent who gets low-CSAT follow-ups. */
    leadAgentId: z.string().optional(),
    /**
     * The survey after resolving: `csat` (1–5), `nps` (0–10, then "why?") or `both` (CSAT, then NPS).
     * Absent = the server-wide CSAT_SCALE.
     */
    survey: z.enum(['csat', 'nps', 'both'], { message: 'survey must be csat, nps or both' }).optional(),
    /**
     * The languages this team's agents speak. Absent = not stated: language routing neither sends
     * conversations away from the team nor toward it.
     */
    languages: z.array(languageTagSchema).max(20).optional(),
  })
  .strict();
export type Team = z.infer<typeof teamSchema>;
export type TeamSurvey = NonNullable<Team['survey']>;

export const DEFAULT_TEAMS: Team[] = [
  { id: 'care', name: 'Customer care' },
  { id: 'sales', name: 'Sales' },
  { id: 'marketing', name: 'Marketing' },
];

export type AgentRole = 'agent' | 'admin';
export type Presence = 'online' | 'away' | 'offline';

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  teams: string[];
  /** Conversations this agent can hold at once. */
  capacity: number;
  presence: Presence;
  disabled: boolean;
  createdAt: number;
}

/** One line of the audit trail: who did what to what, when. */
export interface AuditEntry {
  at: number;
  /** agent id, or `system`. */
  actor: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'> & { at?: number }): Promise<void>;
  list(query?: { target?: string; actor?: string; limit?: number }): Promise<AuditEntry[]>;
}

export const handoffPacketSchema = z.object({
  conversationId: z.string(),
  channel: z.enum(['whatsapp', 'whatsapp_cloud', 'messenger', 'instagram', 'sandbox']),
  reason: z.enum(ESCALATION_REASONS),
  reasons: z.array(z.enum(ESCALATION_REASONS)),
  team: z.string(),
  priority: z.enum(PRIORITIES),
  language: z.string(),
  /** What the bot recognised, newest last. */
  intents: z.array(z.object({ intent: z.string(), confidence: z.number(), at: z.number() })),
  /** Details the customer already gave (order number, email…): never ask again. */
  slots: z.record(z.string(), z.string()),
  /**
   * Every fact the customer wrote (order numbers, e-mails, phones, products, dates, amounts), from
   * every message whoever owned the conversation, newest first; `verified: false` marks a value in
   * the wrong format. Packets stored before facts existed read back with none.
   */
  facts: z.array(factSchema).default([]),
  /** What the bot already answered. */
  answered: z.array(z.object({ intent: z.string().optional(), text: z.string(), at: z.number() })),
  sentiment: z.object({ label: z.enum(['negative', 'neutral', 'positive']), score: z.number(), anger: z.number() }),
  customer: z.object({
    id: z.string(),
    name: z.string().optional(),
    vip: z.boolean(),
    addresses: z.array(z.object({ channel: z.string(), address: z.string(), verified: z.boolean() })),
  }),
  /** The customer's earlier conversations on every linked channel. */
  history: z.array(
    z.object({
      conversationId: z.string(),
      channel: z.string(),
      status: z.string(),
      startedAt: z.number(),
      lastMessageAt: z.number().optional(),
      preview: z.string().optional(),
    }),
  ),
  /** The customer came through call deflection: when they called and where they were sent. */
  cameFromCall: z.object({ at: z.number(), via: z.enum(['whatsapp', 'sms']) }).optional(),
  /** What the CRM knows about the customer (CRM enrichment), when it answered in time. */
  crm: crmRecordSchema.extend({ fetchedAt: z.number() }).optional(),
  /** One line an agent reads first, built from the facts above. */
  summary: z.string(),
  createdAt: z.number(),
});
export type HandoffPacket = z.infer<typeof handoffPacketSchema>;

export interface WindowVerdict {
  /** May this message go now? */
  allowed: boolean;
  /** Messenger: send with the HUMAN_AGENT tag. */
  humanAgentTag?: boolean;
  /** Why not, in words an agent can act on (when refused). */
  reason?: string;
  code?: 'WINDOW_CLOSED' | 'TEMPLATE_REQUIRED' | 'TEMPLATE_UNSUPPORTED';
  /** When the window for free text closes (ms), if it is open. */
  closesAt?: number;
  /** Messenger: when the HUMAN_AGENT window closes. */
  humanAgentClosesAt?: number;
}

export type CsatScale = 'csat5' | 'nps10';

export interface CsatResult {
  status: 'pending' | 'answered' | 'skipped';
  scale: CsatScale;
  score?: number;
  comment?: string;
  /** Why it was skipped (window closed, channel refused…). */
  skippedReason?: string;
  askedAt?: number;
  answeredAt?: number;
}

export type Channel = ChannelName;
