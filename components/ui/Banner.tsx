import type { Signal } from '@preact/signals';

/** Errors (role=alert) and notices (role=status) with a dismiss button. */
export function Banner(props: { error: Signal<string | null>; notice: Signal<string | null> }) {
  const { error, notice } = props;
  return (
    <>
      {error.value && (
        <div class="banner banner-error" role="alert">
          <span>{error.value}</span>
          <button type="button" class="icon-button" aria-label="Dismiss error" onClick={() => (error.value = null)}>
            ×
          </button>
        </div>
      )}
      <div class="banner-slot" role="status" aria-live="polite">
        {notice.value && (
          <div class="banner banner-notice">
            <span>{notice.value}</span>
            <button
              type="button"
              class="icon-button"
              aria-label="Dismiss message"
              onClick={() => (notice.value = null)}
            >
              ×
            </button>
          </div>
        )}
      </div>
    </>
  );
}
