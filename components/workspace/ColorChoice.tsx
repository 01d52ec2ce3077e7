import { LABEL_COLORS } from '../../lib/domain/names';

/** The label palette as a radio group: each swatch is named for its color. */
export function ColorChoice(props: { name: string; label: string; value: string; disabled?: boolean; onChange: (value: string) => void }) {
  const current = props.value.toLowerCase();
  const known = LABEL_COLORS.some((c) => c.value === current);
  return (
    <div class="swatches" role="radiogroup" aria-label={props.label}>
      {LABEL_COLORS.map((c) => (
        <input
          key={c.value}
          type="radio"
          class="swatch"
          name={props.name}
          value={c.value}
          aria-label={c.name}
          title={c.name}
          checked={current === c.value}
          disabled={props.disabled}
          style={{ background: c.value }}
          onChange={() => props.onChange(c.value)}
        />
      ))}
      {!known && (
        <input
          type="radio"
          class="swatch"
          name={props.name}
          value={current}
          aria-label="Current color"
          title="Current color"
          checked
          disabled={props.disabled}
          style={{ background: current }}
          onChange={() => props.onChange(current)}
        />
      )}
    </div>
  );
}
