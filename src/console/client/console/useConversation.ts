import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, errorText } from '../shared/api';
import type { ConversationDetail } from '../shared/types';
import { subscribeLive } from './liveBus';

/** One conversation's detail, refetched when the stream says it changed. */
export function useConversation(id: string): {
  detail: ConversationDetail | null;
  error: string | null;
  notFound: boolean;
  reload: () => Promise<void>;
} {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notFound, setNotFound] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const reload = useCallback(async () => {
    try {
      const d = await api.get<ConversationDetail>(`/conversations/${encodeURIComponent(id)}`);
      setDetail(d);
      setError(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setNotFound(true);
      setError(errorText(err));
    }
  }, [id]);

  useEffect(() => {
    void reload();
    const unsubscribe = subscribeLive((signal) => {
      const touches =
        signal.kind === 'resync' ||
        ('conversationId' in signal.envelope.event && signal.envelope.event.conversationId === id);
      if (!touches) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void reload(), 150);
    });
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [id, reload]);

  return { detail, error, notFound, reload };
}
