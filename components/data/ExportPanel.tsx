import { useState } from 'preact/hooks';
import { exportFileName, pickFields } from '../../lib/export/fields';
import type { ExportRequest } from '../../lib/export/run';
import type { Id } from '../../lib/domain/model';
import type { AppState } from '../app/state';
import { createDataWorker, download, request, TaskCancelled, type DataTask } from './client';
import type { DataResult } from './protocol';
import { Progress } from './Progress';

function dayStart(value: string): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d).getTime();
}

/** General Export (and "Export selected" when `leadIds` is given): choose, then run in the worker. */
export function ExportPanel({ state, leadIds }: { state: AppState; leadIds?: Id[] }) {
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [campaignIds, setCampaignIds] = useState<Id[]>([]);
  const [folderIds, setFolderIds] = useState<Id[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fields = pickFields(state.attributeDefs.value, null);
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const [task, setTask] = useState<DataTask<Extract<DataResult, { type: 'export' }>> | null>(null);
  const [prog, setProg] = useState({ done: 0, total: 0 });
  const [message, setMessage] = useState<string | null>(null);
  const keys = chosen ?? new Set(fields.map((f) => f.key));

  const start = () => {
    const toDay = dayStart(to);
    const req: ExportRequest = {
      format,
      fields: fields.filter((f) => keys.has(f.key)).map((f) => f.key),
      filter: {
        campaignIds,
        folderIds,
        ...(dayStart(from) !== undefined ? { addedFrom: dayStart(from)! } : {}),
        ...(toDay !== undefined ? { addedTo: toDay + 86_400_000 - 1 } : {}),
        ...(leadIds ? { leadIds } : {}),
      },
    };
    const worker = createDataWorker();
    const t = request<Extract<DataResult, { type: 'export' }>>(worker, { type: 'export', request: req }, (done, total) => setProg({ done, total }));
    setMessage(null);
    setTask(t);
    t.result
      .then((r) => {
        download(r.blob, exportFileName(state.workspace.value?.name ?? 'Workspace', new Date(), format));
        setMessage(`Exported ${r.rows.toLocaleString()} leads.`);
      })
      .catch((e: unknown) => setMessage(e instanceof TaskCancelled ? 'Export cancelled.' : `Export failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        worker.terminate();
        setTask(null);
      });
  };

  const multi = (e: Event) => [...(e.currentTarget as HTMLSelectElement).selectedOptions].map((o) => o.value);
  return (
    <div class="data-export">
      {leadIds && <p>{leadIds.length.toLocaleString()} selected leads.</p>}
      <label>
        Format{' '}
        <select value={format} onChange={(e) => setFormat((e.currentTarget).value as 'xlsx' | 'csv')}>
          <option value="xlsx">Excel (.xlsx)</option>
          <option value="csv">CSV (.csv)</option>
        </select>
      </label>
      {!leadIds && (
        <>
          <label>
            Campaigns (none chosen: all)
            <select multiple onChange={(e) => setCampaignIds(multi(e))}>
              {state.campaigns.value.map((c) => (
                <option key={c.id} value={c.id} selected={campaignIds.includes(c.id)}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Folders (none chosen: all)
            <select multiple onChange={(e) => setFolderIds(multi(e))}>
              {state.sortedFolders.value.map((f) => (
                <option key={f.id} value={f.id} selected={folderIds.includes(f.id)}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Added from <input type="date" value={from} onChange={(e) => setFrom((e.currentTarget).value)} />
          </label>
          <label>
            Added to <input type="date" value={to} onChange={(e) => setTo((e.currentTarget).value)} />
          </label>
        </>
      )}
      <fieldset class="data-fields">
        <legend>Fields</legend>
        {fields.map((f) => (
          <label key={f.key}>
            <input
              type="checkbox"
              checked={keys.has(f.key)}
              onChange={(e) => {
                const next = new Set(keys);
                if ((e.currentTarget).checked) next.add(f.key);
                else next.delete(f.key);
                setChosen(next);
              }}
            />{' '}
            {f.header}
          </label>
        ))}
      </fieldset>
      {task ? (
        <Progress label="Export" done={prog.done} total={prog.total} onCancel={() => task.cancel()} />
      ) : (
        <button type="button" class="primary" disabled={keys.size === 0} onClick={start}>
          Export
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
