/**
 * WhatsApp Cloud API error codes Baton acts on (protocols.md §3.3). They travel as the platform code
 * of a ChannelSendError or a failed status, exactly as Meta sends them ("131047"), like Messenger's.
 */
export const CLOUD_ERROR = {
  /** Re-engagement message: more than 24 h since the customer last wrote; send a template. */
  REENGAGEMENT: 131047,
  /** Message undeliverable (not a WhatsApp user, old app, blocked…). */
  UNDELIVERABLE: 131026,
  /** The user is part of a Meta experiment. */
  EXPERIMENT: 130472,
  /** Too many messages to this user in a short time. */
  PAIR_RATE_LIMIT: 131056,
  /** Invalid or expired access token. */
  TOKEN: 190,
} as const;

/** Codes worth trying again later: Graph's temporary errors, throughput and pair rate limits, service unavailable. */
export const RETRYABLE_CLOUD_CODES: ReadonlySet<number> = new Set([1, 2, 4, 613, 1200, 80007, 130429, 131000, 131016, 131056, 133004]);
