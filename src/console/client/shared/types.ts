/**
 * The shapes the browser reads from the server: the API's own response schemas, as they arrive in
 * JSON (every time an ISO 8601 string). Imported as types only (erased by esbuild), so the console
 * and the server cannot drift apart silently.
 */
import type { AgentReply, LiveEvent, TransferRequest } from '../../../inbox/contracts';
import type { AgentWire } from '../../../inbox/api/schemas';
import type {
  ConversationDetailWire,
  ConversationListItemWire,
  ConversationWire,
  HandoffPacketWire,
  MessageWire,
  WindowVerdictWire,
} from '../../../inbox/api/views';
import type { Presence, Priority, Team } from '../../../handoff/types';
import type { ChannelName, DeliveryStatus } from '../../../conversations/types';

export type Agent = AgentWire;
export type Conversation = ConversationWire;
export type ConversationDetail = ConversationDetailWire;
export type ConversationListItem = ConversationListItemWire;
export type HandoffPacket = HandoffPacketWire;
export type Message = MessageWire;
export type WindowVerdict = WindowVerdictWire;

/** One live event as the SSE stream sends it. */
export interface LiveEventEnvelope {
  id: string;
  at: string;
  event: LiveEvent;
}

export type { AgentReply, TransferRequest, ChannelName, DeliveryStatus, LiveEvent, Presence, Priority, Team };

export interface LoginResponse {
  token: string;
  agent: Agent;
  expiresAt: string;
}

export interface CannedAnswer {
  id: string;
  team: string;
  shortcut: string;
  title: string;
  text: string;
  /** Absent = for any language. */
  language?: string;
}

export interface FollowUp {
  id: string;
  conversationId: string;
  team?: string;
  status?: string;
  reason?: string;
  createdAt?: string;
}

// The dashboard's shapes are the server's own (type-only import: nothing of the server is bundled).
export type { CsatFigures, DailyFigures, DashboardFigures, WeeklyCsat } from '../../../metrics/aggregates/aggregateReport';
export type { DashboardResponse as Dashboard } from '../../../metrics/dashboard/dashboardRouter';

/** A message the simulator reads from the sandbox API (dates as ISO strings). */
export interface SandboxMessage {
  id: string;
  direction: Message['direction'];
  author: Message['author'];
  text?: string;
  quickReplies?: { title: string; payload: string }[];
  media: { url: string; kind: string; contentType?: string }[];
  status: DeliveryStatus;
  createdAt: string;
}
