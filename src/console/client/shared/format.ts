/** Small formatting helpers shared by the console and the simulator. */

/** "3h 12m", "4m 05s", "12s": a duration for a person to read at a glance. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

export function toMs(t: number | string | undefined | null): number | undefined {
  if (t === undefined || t === null) return undefined;
  if (typeof t === 'number') return t;
  const n = Date.parse(t);
  return Number.isNaN(n) ? undefined : n;
}

export function formatTime(t: number | string): string {
  const ms = toMs(t);
  if (ms === undefined) return '';
  const d = new Date(ms);
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return `${Math.round(x * 1000) / 10}%`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  return formatDuration(ms);
}

const REASONS: Record<string, string> = {
  customer_requested: 'Customer asked for a person',
  intent_flagged: 'Topic always goes to a person',
  repeated_misunderstanding: 'Bot did not understand twice',
  negative_sentiment: 'Customer is upset',
  abuse: 'Abusive language',
  fulfillment_failed: 'Bot could not complete the request',
  vip: 'VIP customer',
  manual: 'Escalated by hand',
};

export function reasonLabel(reason: string): string {
  return REASONS[reason] ?? reason.replace(/_/g, ' ');
}

const CHANNELS: Record<string, { icon: string; label: string }> = {
  whatsapp: { icon: 'WA', label: 'WhatsApp' },
  whatsapp_cloud: { icon: 'WA', label: 'WhatsApp (Cloud API)' },
  messenger: { icon: 'FB', label: 'Messenger' },
  instagram: { icon: 'IG', label: 'Instagram' },
  sandbox: { icon: 'SB', label: 'Sandbox' },
};

export function channelInfo(channel: string): { icon: string; label: string } {
  return CHANNELS[channel] ?? { icon: channel.slice(0, 2).toUpperCase(), label: channel };
}

const LANGUAGES: Record<string, string> = {
  en: 'English',
  hi: 'Hindi',
  'hi-Latn': 'Hinglish',
  ur: 'Urdu',
  ne: 'Nepali',
};

export function languageLabel(tag: string | null | undefined): string {
  if (!tag) return 'unknown';
  return LANGUAGES[tag] ? `${LANGUAGES[tag]} (${tag})` : tag;
}
