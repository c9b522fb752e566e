/**
 * The shapes the browser reads from the server. The API's own contracts are imported as types
 * only (erased by esbuild), so the console and the server cannot drift apart silently.
 */
import type { AgentReply, ConversationDetail, ConversationListItem, LiveEvent, LiveEventEnvelope, TransferRequest } from '../../../inbox/contracts';
import type { Agent, HandoffPacket, Presence, Priority, Team, WindowVerdict } from '../../../handoff/types';
import type { ChannelName, Conversation, DeliveryStatus, Message } from '../../../conversations/types';

export type {
  AgentReply,
  TransferRequest,
  Agent,
  ChannelName,
  Conversation,
  ConversationDetail,
  ConversationListItem,
  DeliveryStatus,
  HandoffPacket,
  LiveEvent,
  LiveEventEnvelope,
  Message,
  Presence,
  Priority,
  Team,
  WindowVerdict,
};

export interface LoginResponse {
  token: string;
  agent: Agent;
  expiresAt: string | number;
}

export interface CannedAnswer {
  id: string;
  team: string;
  shortcut: string;
  title: string;
  text: string;
}

export interface FollowUp {
  id: string;
  conversationId: string;
  team?: string;
  status?: string;
  reason?: string;
  createdAt?: number | string;
}

// The dashboard's shapes are the server's own (type-only import: nothing of the server is bundled).
export type { CsatFigures, DashboardFigures } from '../../../metrics/dashboard/computeDashboard';
import type { DashboardReport } from '../../../metrics/dashboard/computeDashboard';

/** GET /api/v1/dashboard: the report plus how it was read. */
export interface Dashboard extends DashboardReport {
  source?: { scanned: number; truncated: boolean; note?: string };
}

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
