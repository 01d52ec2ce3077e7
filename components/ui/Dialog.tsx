import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';

/** A modal dialog with a title; Escape closes; focus moves in and returns on close. */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // A layout effect runs before the browser paints the dialog, so focus is in it before anyone
  // can click or type there: an after-paint effect could pull focus out of a field the
  // recruiter had already clicked and send their typing to the first field instead.
  useLayoutEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.contains(document.activeElement)) {
      dialog.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    }
    return () => previous?.focus?.();
  }, []);
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && props.onClose()}>
      <div
        ref={ref}
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            props.onClose();
          }
        }}
      >
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
      </div>
    </div>
  );
}
