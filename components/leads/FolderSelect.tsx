import { setFolder } from '../app/actions';
import type { AppState } from '../app/state';
import { UNKNOWN } from '../../lib/index/query';

/** "All folders" and every default and custom folder, each with its count for the campaigns. */
export function FolderSelect({ state }: { state: AppState }) {
  const counts = state.folderCounts.value;
  const folders = state.sortedFolders.value;
  const current = state.view.value.folderId;
  let all = 0;
  for (const n of counts.values()) all += n;
  const unknown = counts.get(UNKNOWN) ?? 0;
  return (
    <select
      class="folder-select"
      aria-label="Folder"
      value={current ?? ''}
      onChange={(e) => setFolder(state, e.currentTarget.value || null)}
    >
      <option value="">All folders ({all})</option>
      {folders.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name} ({counts.get(f.id) ?? 0})
        </option>
      ))}
      {(unknown > 0 || current === UNKNOWN) && <option value={UNKNOWN}>Unknown ({unknown})</option>}
    </select>
  );
}
