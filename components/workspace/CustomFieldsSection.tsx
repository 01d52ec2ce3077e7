import { useState } from 'preact/hooks';
import type { AttributeDef, AttributeType } from '../../lib/domain/model';
import { checkAttributeLabel } from '../../lib/domain/names';
import type { AppState } from '../app/state';
import { ConfirmDialog } from './ConfirmDialog';
import { NameDialog } from './NameDialog';
import { createAttribute, deleteAttribute, permissionProblem, renameAttribute } from './actions';
import { rowNameId, Section } from './Section';

const TYPE_LABELS: Record<AttributeType, string> = { text: 'Text', number: 'Number', date: 'Date' };

export function CustomFieldsSection({ state }: { state: AppState }) {
  const readOnly = permissionProblem(state.actor.value, 'attribute.manage');
  const [problem, setProblem] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [newType, setNewType] = useState<AttributeType>('text');
  const [renaming, setRenaming] = useState<AttributeDef | null>(null);
  const [deleting, setDeleting] = useState<AttributeDef | null>(null);
  const defs = [...state.attributeDefs.value].sort((a, b) => a.label.localeCompare(b.label));

  const add = async (e: Event) => {
    e.preventDefault();
    const checked = checkAttributeLabel(newLabel);
    if (!checked.ok) return setProblem(checked.problem);
    const outcome = await createAttribute(state, newLabel, newType);
    setProblem(outcome.ok ? null : outcome.error);
    if (outcome.ok) setNewLabel('');
  };

  return (
    <Section title="Custom fields" readOnlyReason={readOnly} problem={problem} onDismissProblem={() => setProblem(null)}>
      {defs.length === 0 ? (
        <p class="muted">No custom fields yet.</p>
      ) : (
        <ul class="ws-list" aria-label="Custom fields">
          {defs.map((d) => {
            const nameId = rowNameId('field', d.key);
            return (
              <li key={d.key} class="ws-row">
                <span class="ws-name">
                  <strong id={nameId}>{d.label}</strong>
                  <span class="muted">
                    {' '}
                    {TYPE_LABELS[d.type]} · <code>{d.key}</code>
                  </span>
                </span>
                <span class="ws-buttons">
                  <button type="button" aria-describedby={nameId} disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => setRenaming(d)}>
                    Rename
                  </button>
                  <button type="button" aria-describedby={nameId} disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => setDeleting(d)}>
                    Delete
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <form class="ws-add" onSubmit={(e) => void add(e)} noValidate>
        <label>
          New field
          <input type="text" value={newLabel} disabled={!!readOnly} onInput={(e) => setNewLabel(e.currentTarget.value)} />
        </label>
        <label>
          Type
          <select
            value={newType}
            disabled={!!readOnly}
            onChange={(e) => setNewType(e.currentTarget.value as AttributeType)}
          >
            {(Object.keys(TYPE_LABELS) as AttributeType[]).map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!!readOnly} title={readOnly ?? undefined}>
          Add field
        </button>
      </form>
      {renaming && (
        <NameDialog
          title="Rename custom field"
          field="Field name"
          initial={renaming.label}
          submitLabel="Save"
          check={checkAttributeLabel}
          onSave={(label) => renameAttribute(state, renaming.key, label)}
          onClose={() => setRenaming(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete custom field"
          confirmLabel="Delete field"
          onConfirm={() => deleteAttribute(state, deleting.key)}
          onClose={() => setDeleting(null)}
        >
          <p>
            Delete the custom field “{deleting.label}”? It disappears from every lead’s profile and filters; values
            already entered are kept and come back if a field with this key is added again.
          </p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
