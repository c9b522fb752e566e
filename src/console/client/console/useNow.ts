import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs` (ticking waiting times and window countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
