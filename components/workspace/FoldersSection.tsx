import { useState } from 'preact/hooks';
import type { Folder } from '../../lib/domain/model';
import { checkFolderName } from '../../lib/domain/names';
import type { AppState } from '../app/state';
import { ConfirmDialog } from './ConfirmDialog';
import { NameDialog } from './NameDialog';
import { checkFolderDeletable, createFolder, deleteFolder, moveFolder, permissionProblem, renameFolder } from './actions';
import { rowNameId, Section } from './Section';

const FIXED = 'Default folders cannot be renamed, moved or deleted.';

export function FoldersSection({ state }: { state: AppState }) {
  const readOnly = permissionProblem(state.actor.value, 'folder.manage');
  const [problem, setProblem] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [renaming, setRenaming] = useState<Folder | null>(null);
  const [deleting, setDeleting] = useState<Folder | null>(null);
  const folders = state.sortedFolders.value;
  void state.indexRevision.value;
  const counts = state.live.index.folderCounts(null);

  const add = async (e: Event) => {
    e.preventDefault();
    const checked = checkFolderName(newName);
    if (!checked.ok) return setProblem(checked.problem);
    const outcome = await createFolder(state, newName);
    setProblem(outcome.ok ? null : outcome.error);
    if (outcome.ok) setNewName('');
  };

  const move = async (f: Folder, direction: 'up' | 'down') => {
    const outcome = await moveFolder(state, f.id, direction);
    setProblem(outcome.ok ? null : outcome.error);
  };

  const askDelete = async (f: Folder) => {
    const outcome = await checkFolderDeletable(state, f.id);
    if (outcome.ok) {
      setProblem(null);
      setDeleting(f);
    } else {
      setProblem(outcome.error);
    }
  };

  return (
    <Section title="Folders" readOnlyReason={readOnly} problem={problem} onDismissProblem={() => setProblem(null)}>
      <p class="muted small">Every folder applies to every campaign. {FIXED}</p>
      <ol class="ws-list" aria-label="Folders">
        {folders.map((f, i) => {
          const nameId = rowNameId('folder', f.id);
          const fixed = f.kind === 'default';
          const disabledWhy = readOnly ?? (fixed ? FIXED : undefined);
          const count = counts.get(f.id) ?? 0;
          return (
            <li key={f.id} class="ws-row">
              <span class="ws-name">
                <strong id={nameId}>{f.name}</strong>
                <span class="muted">
                  {' '}
                  {fixed ? 'default' : 'custom'} · {count.toLocaleString('en')} {count === 1 ? 'lead' : 'leads'}
                </span>
              </span>
              <span class="ws-buttons">
                <button
                  type="button"
                  aria-describedby={nameId}
                  disabled={!!readOnly || fixed || i === 0}
                  title={disabledWhy}
                  onClick={() => void move(f, 'up')}
                >
                  Move up
                </button>
                <button
                  type="button"
                  aria-describedby={nameId}
                  disabled={!!readOnly || fixed || i === folders.length - 1}
                  title={disabledWhy}
                  onClick={() => void move(f, 'down')}
                >
                  Move down
                </button>
                <button type="button" aria-describedby={nameId} disabled={!!readOnly || fixed} title={disabledWhy} onClick={() => setRenaming(f)}>
                  Rename
                </button>
                <button
                  type="button"
                  aria-describedby={nameId}
                  disabled={!!readOnly || fixed}
                  title={disabledWhy}
                  onClick={() => void askDelete(f)}
                >
                  Delete
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <form class="ws-add" onSubmit={(e) => void add(e)} noValidate>
        <label>
          New folder
          <input
            type="text"
            value={newName}
            disabled={!!readOnly}
            onInput={(e) => setNewName(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={!!readOnly} title={readOnly ?? undefined}>
          Add folder
        </button>
      </form>
      {renaming && (
        <NameDialog
          title="Rename folder"
          field="Folder name"
          initial={renaming.name}
          submitLabel="Save"
          check={checkFolderName}
          onSave={(name) => renameFolder(state, renaming.id, name)}
          onClose={() => setRenaming(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete folder"
          confirmLabel="Delete folder"
          onConfirm={() => deleteFolder(state, deleting.id)}
          onClose={() => setDeleting(null)}
        >
          <p>Delete the empty folder “{deleting.name}”? It is removed from every campaign.</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
