import { useId, useState } from 'preact/hooks';
import type { Label, Lead } from '../../lib/domain/model';
import { can } from '../../lib/domain/permissions';
import { validateLabelName } from '../../lib/domain/validation';
import type { AppState } from '../app/state';
import { addLabel, createLabel, refusal, removeLabel } from './actions';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Section } from './parts';

/** The application's labels: add existing ones, create new (owners and managers), remove with confirmation. */
export function LabelsSection({ state, lead }: { state: AppState; lead: Lead }) {
  const labelById = state.labelById.value;
  const onLead = lead.labels.map((id) => labelById.get(id)).filter((l): l is Label => l !== undefined);
  const available = state.labels.value.filter((l) => !lead.labels.includes(l.id));
  const mayCreate = can(state.actor.value, 'label.manage');
  const [removing, setRemoving] = useState<Label | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const errorId = `${inputId}-error`;

  const add = async (labelId: string) => {
    if (!labelId) return;
    const outcome = await addLabel(state, lead.id, labelId);
    setProblem(outcome.ok ? null : outcome.error);
  };

  const create = async (e: Event) => {
    e.preventDefault();
    const check = validateLabelName(name);
    if (!check.ok) {
      setNameError(check.errors.name ?? 'Check the label name.');
      return;
    }
    const outcome = await createLabel(state, lead.id, name);
    if (outcome.ok) {
      setName('');
      setNameError(null);
    } else {
      setNameError(outcome.fields?.name ?? outcome.error);
    }
  };

  return (
    <Section title="Labels">
      {onLead.length === 0 ? (
        <p class="muted small">No labels yet.</p>
      ) : (
        <ul class="chips" aria-label="Labels on this application">
          {onLead.map((l) => (
            <li key={l.id} class="chip" style={{ borderColor: l.color }}>
              <span class="label-dot" style={{ background: l.color }} aria-hidden="true" />
              {l.name}
              <button type="button" class="icon-button chip-remove" aria-label={`Remove label ${l.name}`} onClick={() => setRemoving(l)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="label-add">
        <select aria-label="Add label" value="" disabled={available.length === 0} onChange={(e) => void add(e.currentTarget.value)}>
          <option value="">{available.length === 0 ? 'No other labels' : 'Add a label…'}</option>
          {available.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <form class="label-create" aria-label="Create a label" noValidate onSubmit={(e) => void create(e)}>
        <label for={inputId} class="sr-only">
          New label
        </label>
        <input
          id={inputId}
          type="text"
          placeholder="New label name"
          value={name}
          disabled={!mayCreate}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? errorId : undefined}
          onInput={(e) => {
            setName(e.currentTarget.value);
            if (nameError) setNameError(null);
          }}
        />
        <button type="submit" disabled={!mayCreate} title={mayCreate ? 'Create a label and add it here' : refusal('label.manage')}>
          Create label
        </button>
      </form>
      {!mayCreate && <p class="muted small">{refusal('label.manage')}</p>}
      {nameError && (
        <p id={errorId} class="field-error" role="alert">
          {nameError}
        </p>
      )}
      {removing && (
        <ConfirmDialog
          title="Remove label?"
          confirmLabel="Remove"
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            const outcome = await removeLabel(state, lead.id, removing.id);
            return outcome.ok ? null : outcome.error;
          }}
        >
          <p>
            Remove the label “{removing.name}” from this application? The label itself stays available for other
            applications.
          </p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
