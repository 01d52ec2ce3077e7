import { useEffect, useId, useRef } from 'preact/hooks';
import type { QuickReply } from '../../../lib/domain/model';

export function filterQuickReplies(all: readonly QuickReply[], query: string): QuickReply[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...all];
  return all.filter((r) => r.title.toLowerCase().includes(q) || r.body.toLowerCase().includes(q));
}

/**
 * The quick-reply list: a listbox with an active option. Keys are handled by whoever has focus
 * (the search field, or the composer after `/`) through `moveActive`; this only shows it.
 */
export function QuickReplyList(props: {
  replies: QuickReply[];
  active: number;
  onChoose: (reply: QuickReply) => void;
  onHover: (index: number) => void;
  id?: string;
}) {
  const fallbackId = useId();
  const listId = props.id ?? fallbackId;
  const ref = useRef<HTMLUListElement>(null);
  useEffect(() => {
    ref.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [props.active]);
  if (props.replies.length === 0) return <p class="muted">No quick replies match.</p>;
  return (
    <ul ref={ref} id={listId} role="listbox" aria-label="Quick replies" class="quick-reply-list">
      {props.replies.map((r, i) => (
        <li
          key={r.id}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === props.active}
          class={i === props.active ? 'active' : undefined}
          onMouseDown={(e) => e.preventDefault()}
          onMouseEnter={() => props.onHover(i)}
          onClick={() => props.onChoose(r)}
        >
          <strong>{r.title}</strong>
          <span class="muted ellipsis">{r.body}</span>
        </li>
      ))}
    </ul>
  );
}

/** Arrow keys, Home/End, Enter and Escape over a list of `count` options. */
export function listKey(
  key: string,
  active: number,
  count: number,
): { kind: 'move'; to: number } | { kind: 'choose' } | { kind: 'close' } | null {
  if (key === 'ArrowDown') return { kind: 'move', to: count === 0 ? 0 : (active + 1) % count };
  if (key === 'ArrowUp') return { kind: 'move', to: count === 0 ? 0 : (active - 1 + count) % count };
  if (key === 'Home') return { kind: 'move', to: 0 };
  if (key === 'End') return { kind: 'move', to: Math.max(0, count - 1) };
  if (key === 'Enter') return count > 0 ? { kind: 'choose' } : null;
  if (key === 'Escape') return { kind: 'close' };
  return null;
}
