import type { Priority } from '../../shared/types';

export function PriorityBadge(props: { priority: Priority }) {
  return (
    <span class={`prio prio--${props.priority}`} data-testid="priority-badge">
      {props.priority}
    </span>
  );
}
