import { useEffect, useState } from 'preact/hooks';

interface Emoji {
  label: string;
  unicode: string;
  tags?: string[];
  group?: number;
}

// Loaded once, when the picker first opens (about 0.5 MB of JSON kept out of the panel's start).
let emojiData: Promise<Emoji[]> | null = null;
function loadEmoji(): Promise<Emoji[]> {
  emojiData ??= import('emojibase-data/en/compact.json').then((m) =>
    // Group 2 is skin tones and 9 regional indicators / components: not for picking.
    (m.default as unknown as Emoji[]).filter((e) => e.group !== undefined && e.group !== 2),
  );
  return emojiData;
}

const SHOWN = 120;

/** "Emoji": a searchable picker over emojibase's English data. */
export function EmojiPicker({ onInsert, disabled }: { onInsert: (text: string) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState<Emoji[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (!open || all) return;
    loadEmoji().then(setAll, (error: unknown) => {
      console.warn('Leadside: emoji data did not load', error);
      setFailed(true);
    });
  }, [open, all]);
  const q = query.trim().toLowerCase();
  const shown = (all ?? []).filter((e) => !q || e.label.includes(q) || e.tags?.some((t) => t.startsWith(q))).slice(0, SHOWN);
  return (
    <div class="menu-anchor">
      <button type="button" aria-haspopup="dialog" aria-expanded={open} disabled={disabled} onClick={() => setOpen(!open)}>
        Emoji
      </button>
      {open && (
        <div
          class="popover composer-popover emoji-picker"
          role="dialog"
          aria-label="Emoji"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          <input
            type="search"
            aria-label="Search emoji"
            placeholder="Search emoji"
            value={query}
            autoFocus
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          {failed && <p class="muted">The emoji list could not be loaded.</p>}
          {!all && !failed && <p class="muted">Loading…</p>}
          {all && (
            <ul class="emoji-grid" aria-label="Emoji results">
              {shown.map((e) => (
                <li key={e.unicode}>
                  <button
                    type="button"
                    class="emoji"
                    aria-label={e.label}
                    title={e.label}
                    onClick={() => {
                      onInsert(e.unicode);
                      setOpen(false);
                    }}
                  >
                    {e.unicode}
                  </button>
                </li>
              ))}
              {shown.length === 0 && <li class="muted">No emoji match “{query}”.</li>}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
