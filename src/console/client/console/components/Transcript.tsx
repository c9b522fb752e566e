import { useEffect, useRef } from 'preact/hooks';
import type { Message } from '../../shared/types';
import { MessageBubble } from './MessageBubble';

export function Transcript(props: { messages: Message[] }) {
  const box = useRef<HTMLOListElement>(null);
  const last = props.messages[props.messages.length - 1];
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [props.messages.length, last?.id]);
  return (
    <ol class="transcript" ref={box} aria-label="Transcript" data-testid="transcript" tabIndex={0}>
      {props.messages.map((m) => (
        <MessageBubble key={m.id} message={m} />
      ))}
    </ol>
  );
}
