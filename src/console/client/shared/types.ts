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

/** One scale's survey figures (the server's CsatFigures). */
export interface CsatFigures {
  scale: 'csat5' | 'nps10';
  responses: number;
  average: number;
  distribution: Record<string, number>;
  nps?: number;
}

/** The figures of one scope (all, a channel, a team), as GET /api/v1/dashboard returns them. */
export interface DashboardFigures {
  conversations: number;
  escalated: number;
  resolved: number;
  responseRate: number | null;
  firstResponseMedianMs: number | null;
  firstResponseP90Ms: number | null;
  avgHandleMs: number | null;
  firstContactResolution: number | null;
  botContainment: number | null;
  escalationRate: number | null;
  escalationsByReason: Record<string, number>;
  csat: CsatFigures[];
  csatSkipped: number;
  openFollowUps: { open: number; overdue: number };
}

export interface Dashboard extends DashboardFigures {
  period: { from: string; to: string };
  asOf: string;
  byChannel: Record<string, DashboardFigures>;
  byTeam: Record<string, DashboardFigures>;
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
