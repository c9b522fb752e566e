import { api } from '../shared/api';

/** The training inbox's API (/api/v1/training/…), as the console reads it. */

export type ReviewReason = 'fallback' | 'declined_clarification' | 'escalation' | 'agent_answered';

export interface TrainingItem {
  id: string;
  conversationId: string;
  channel: string;
  text: string;
  lang: string;
  reasons: ReviewReason[];
  suggestions: { intent: string; confidence: number }[];
  createdAt: string;
  now: { intent: string | null; confidence: number; answered: boolean };
}

export interface TrainingList {
  items: TrainingItem[];
  pendingTotal: number;
  clusters: { itemIds: string[]; sharedWords: string[]; languages: string[] }[];
  lastThirtyDays: { scored: number; answeredNow: number };
  impact: { version: number; scored: number; answeredBefore: number; answeredAfter: number; at: string } | null;
  overlayVersion: number;
  servedVersion: number;
  intents: string[];
}

export interface TrainingExport {
  version: number;
  files: { name: string; content: string }[];
}

export const trainingApi = {
  list: () => api.get<TrainingList>('/training/items'),
  accept: (id: string, intent?: string) => api.post<{ version: number }>(`/training/items/${encodeURIComponent(id)}/accept`, intent ? { intent } : {}),
  dismiss: (id: string) => api.post<void>(`/training/items/${encodeURIComponent(id)}/dismiss`),
  propose: (body: { id: string; title?: string; answer: string; itemIds: string[] }) => api.post<{ version: number }>('/training/intents', body),
  exportFiles: () => api.get<TrainingExport>('/training/export'),
};

export const REASON_LABELS: Record<ReviewReason, string> = {
  fallback: 'Not understood',
  declined_clarification: '"Did you mean…?" declined',
  escalation: 'Escalated after misses',
  agent_answered: 'An agent answered it',
};

/** 0.62 → "62%". */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
