import { useState } from 'preact/hooks';
import { TOKENS, tokenText, type TokenName } from '../../../lib/chat/tokens';

/** "Insert token": the tokens of DESIGN §1, inserted as {{name}} at the cursor. */
export function TokenPicker({ onInsert, disabled }: { onInsert: (text: string) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const choose = (name: TokenName) => {
    setOpen(false);
    onInsert(tokenText(name));
  };
  return (
    <div class="menu-anchor">
      <button type="button" aria-haspopup="menu" aria-expanded={open} disabled={disabled} onClick={() => setOpen(!open)}>
        Insert token
      </button>
      {open && (
        <div
          class="popover menu menu-up composer-popover"
          role="menu"
          aria-label="Tokens"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
            }
          }}
        >
          {TOKENS.map((t) => (
            <button key={t.name} type="button" role="menuitem" onClick={() => choose(t.name)}>
              {t.label} <span class="muted">{tokenText(t.name)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
