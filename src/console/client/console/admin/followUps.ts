/** A follow-up as GET /api/v1/follow-ups sends it (the FollowUp view of src/inbox/api/followUpRoutes.ts). */
export interface FollowUpWire {
  id: string;
  conversationId: string;
  team: string;
  score: number;
  scale: 'csat5' | 'nps10';
  dueAt: string;
  assigneeId?: string;
  status: 'open' | 'done';
  createdAt: string;
  doneAt?: string;
  doneBy?: string;
}

/** Open follow-ups split at `now`: overdue (due before now, most overdue first) and due (soonest first). */
export function splitByDue(items: FollowUpWire[], now: number): { overdue: FollowUpWire[]; due: FollowUpWire[] } {
  const open = items.filter((f) => f.status === 'open').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { overdue: open.filter((f) => Date.parse(f.dueAt) < now), due: open.filter((f) => Date.parse(f.dueAt) >= now) };
}

/** "2 / 5 (CSAT)", "3 / 10 (NPS)". */
export function scoreText(f: Pick<FollowUpWire, 'score' | 'scale'>): string {
  return f.scale === 'nps10' ? `${f.score} / 10 (NPS)` : `${f.score} / 5 (CSAT)`;
}
