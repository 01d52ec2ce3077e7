import { useId, useState } from 'preact/hooks';
import type { Label } from '../../lib/domain/model';
import { LABEL_COLORS, checkLabelName, colorName } from '../../lib/domain/names';
import type { AppState } from '../app/state';
import { Dialog } from '../ui/Dialog';
import { ColorChoice } from './ColorChoice';
import { ConfirmDialog } from './ConfirmDialog';
import { countLabelLeads, createLabel, deleteLabel, permissionProblem, updateLabel } from './actions';
import { rowNameId, Section } from './Section';
import { FormFooter } from '../ui/FormFooter';

export function LabelsSection({ state }: { state: AppState }) {
  const readOnly = permissionProblem(state.actor.value, 'label.manage');
  const radioName = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const labels = state.labels.value;
  const [newColor, setNewColor] = useState<string>(LABEL_COLORS[0].value);
  const [editing, setEditing] = useState<Label | null>(null);
  const [deleting, setDeleting] = useState<{ label: Label; count: number } | null>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    const checked = checkLabelName(newName);
    if (!checked.ok) return setProblem(checked.problem);
    const outcome = await createLabel(state, { name: newName, color: newColor });
    setProblem(outcome.ok ? null : outcome.error);
    if (outcome.ok) {
      setNewName('');
      // The next label gets the next color, so a few new labels are told apart at a glance.
      const at = LABEL_COLORS.findIndex((c) => c.value === newColor);
      setNewColor(LABEL_COLORS[(at + 1) % LABEL_COLORS.length]!.value);
    }
  };

  const askDelete = async (label: Label) => {
    const outcome = await countLabelLeads(state, label.id);
    if (outcome.ok) setDeleting({ label, count: outcome.value });
    else setProblem(outcome.error);
  };

  return (
    <Section title="Labels" readOnlyReason={readOnly} problem={problem} onDismissProblem={() => setProblem(null)}>
      {labels.length === 0 ? (
        <p class="muted">No labels yet.</p>
      ) : (
        <ul class="ws-list" aria-label="Labels">
          {labels.map((l) => {
            const nameId = rowNameId('label', l.id);
            return (
              <li key={l.id} class="ws-row">
                <span class="ws-name">
                  <span class="label-dot" style={{ background: l.color }} aria-hidden="true" />{' '}
                  <strong id={nameId}>{l.name}</strong>
                  <span class="muted"> {colorName(l.color)}</span>
                </span>
                <span class="ws-buttons">
                  <button type="button" aria-describedby={nameId} disabled={!!readOnly} title={readOnly ?? undefined} onClick={() => setEditing(l)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    aria-describedby={nameId}
                    disabled={!!readOnly}
                    title={readOnly ?? undefined}
                    onClick={() => void askDelete(l)}
                  >
                    Delete
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <form class="ws-add ws-add-label" onSubmit={(e) => void add(e)} noValidate>
        <label>
          New label
          <input
            type="text"
            value={newName}
            disabled={!!readOnly}
            onInput={(e) => setNewName(e.currentTarget.value)}
          />
        </label>
        <ColorChoice name={radioName} label="Color of the new label" value={newColor} disabled={!!readOnly} onChange={setNewColor} />
        <button type="submit" disabled={!!readOnly} title={readOnly ?? undefined}>
          Add label
        </button>
      </form>
      {editing && <EditLabelDialog state={state} label={editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete label"
          confirmLabel="Delete label"
          onConfirm={() => deleteLabel(state, deleting.label.id)}
          onClose={() => setDeleting(null)}
        >
          <p>
            {deleting.count === 0
              ? `“${deleting.label.name}” is on no leads.`
              : `“${deleting.label.name}” is on ${deleting.count.toLocaleString('en')} ${deleting.count === 1 ? 'lead' : 'leads'}; deleting it removes it from ${deleting.count === 1 ? 'that lead' : 'all of them'}.`}{' '}
            This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </Section>
  );
}

function EditLabelDialog(props: { state: AppState; label: Label; onClose: () => void }) {
  const radioName = useId();
  const [name, setName] = useState(props.label.name);
  const [color, setColor] = useState(props.label.color);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = checkLabelName(name);
    if (!checked.ok) return setProblem(checked.problem);
    setSaving(true);
    const outcome = await updateLabel(props.state, props.label.id, { name, color });
    setSaving(false);
    if (outcome.ok) props.onClose();
    else setProblem(outcome.error);
  };

  return (
    <Dialog title="Edit label" onClose={props.onClose}>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          Name
          <input
            type="text"
            value={name}
            aria-invalid={problem ? true : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <ColorChoice name={radioName} label="Color" value={color} onChange={setColor} />
        <FormFooter problem={problem} onCancel={props.onClose} submitLabel="Save" busy={saving} />
      </form>
    </Dialog>
  );
}
