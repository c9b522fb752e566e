import type { Priority } from '../shared/types';

/** Same order as the server's PRIORITY_RANK (copied: the client bundle must not pull in zod). */
export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
