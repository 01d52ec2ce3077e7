import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { toggleSelected } from '../app/actions';
import type { AppState } from '../app/state';
import { LeadRow, ROW_HEIGHT } from './LeadRow';

const OVERSCAN = 6;

/**
 * The virtualized list: only the rows in view (plus a few) are in the DOM, so 100k leads cost
 * what 20 do. Arrow keys move between rows (the list scrolls to follow), Enter opens one.
 */
export function LeadList({ state }: { state: AppState }) {
  const { entries, total } = state.results.value;
  const selection = state.selection.value;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActiveState] = useState(0);
  // Keys can arrive faster than renders: the handler reads the latest index from here.
  const activeRef = useRef(0);
  const setActive = (i: number) => {
    activeRef.current = i;
    setActiveState(i);
  };
  const focusAfterRender = useRef(false);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || 600));
    observer.observe(el);
    setHeight(el.clientHeight || 600);
    return () => observer.disconnect();
  }, []);

  // A new result set starts at the top.
  useEffect(() => {
    setActive(0);
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [state.view.value]);

  useEffect(() => {
    if (!focusAfterRender.current) return;
    // The latest index, not this render's: a later key press may not have rendered yet.
    const button = scrollRef.current?.querySelector<HTMLButtonElement>(
      `button.lead-name[data-index="${activeRef.current}"]`,
    );
    if (!button) return;
    focusAfterRender.current = false;
    button.focus();
  });

  useEffect(() => {
    if (total > 0 && performance.getEntriesByName('leadside:first-rows').length === 0) {
      performance.mark('leadside:first-rows');
    }
  }, [total > 0]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const activeIndex = Math.min(active, Math.max(0, total - 1));

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    const el = scrollRef.current;
    if (el) {
      const top = next * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setScrollTop(el.scrollTop);
    }
    setActive(next);
    // Focus now when the row is already in the DOM (overscan keeps neighbours rendered), so
    // keys pressed faster than renders each move from where the last one left off.
    const button = el?.querySelector<HTMLButtonElement>(`button.lead-name[data-index="${next}"]`);
    if (button) button.focus();
    else focusAfterRender.current = true;
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const entry = entries[i]!;
    rows.push(
      <LeadRow
        key={entry.id}
        state={state}
        entry={entry}
        position={i}
        total={total}
        top={i * ROW_HEIGHT}
        selected={selection.has(entry.id)}
        active={i === activeIndex}
        onOpen={() => (state.previewId.value = entry.id)}
        onToggle={() => toggleSelected(state, entry.id)}
        onFocus={() => setActive(i)}
      />,
    );
  }

  return (
    <div
      class="list-scroll"
      ref={scrollRef}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={(e) => {
        const activeIndex = Math.min(activeRef.current, Math.max(0, total - 1));
        const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
        const moves: Record<string, number> = {
          ArrowDown: activeIndex + 1,
          ArrowUp: activeIndex - 1,
          PageDown: activeIndex + page,
          PageUp: activeIndex - page,
          Home: 0,
          End: total - 1,
        };
        const target = moves[e.key];
        if (target !== undefined && total > 0) {
          e.preventDefault();
          moveTo(target);
        } else if (e.key === ' ' && (e.target as HTMLElement).classList.contains('lead-name')) {
          e.preventDefault();
          const entry = entries[activeIndex];
          if (entry) toggleSelected(state, entry.id);
        }
      }}
    >
      <ul class="lead-list" aria-label="Leads" style={{ height: `${total * ROW_HEIGHT}px` }}>
        {rows}
      </ul>
    </div>
  );
}
