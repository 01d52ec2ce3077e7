import { useEffect, useRef, useState } from 'preact/hooks';
import { exportFileName } from '../../lib/export/fields';
import { guessMapping, TARGET_LABELS, TARGETS, type Target } from '../../lib/import/columns';
import type { DuplicatePolicy } from '../../lib/import/write';
import type { AppState } from '../app/state';
import { createDataWorker, download, request } from './client';
import { importOutcome, importRun, runImport } from './import-runner';
import type { DataResult, ImportSummary, ParsedInfo, PreviewRow } from './protocol';
import { Progress } from './Progress';

type R<T extends DataResult['type']> = Extract<DataResult, { type: T }>;

/** Import from CSV or XLSX: file → campaign, folder and column mapping → preview → import. */
export function ImportPanel({ state }: { state: AppState }) {
  const worker = useRef<Worker | null>(null);
  const [info, setInfo] = useState<ParsedInfo | null>(null);
  const [fileName, setFileName] = useState('');
  const [mapping, setMapping] = useState<Target[]>([]);
  const open = state.campaigns.value.filter((c) => c.status === 'open');
  const [campaignId, setCampaignId] = useState('');
  const [folderId, setFolderId] = useState('inbox');
  const [policy, setPolicy] = useState<DuplicatePolicy>('attach');
  const [preview, setPreview] = useState<{ rows: PreviewRow[]; errors: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const task = importRun.value;
  const outcome = importOutcome.value;
  const summary: ImportSummary | null = outcome && 'summary' in outcome ? outcome.summary : null;
  const country = state.settings.value.defaultCountry;
  // The import itself runs on in the runner's worker when this screen closes (import-runner.ts).
  useEffect(() => () => worker.current?.terminate(), []);
  const campaign = campaignId || open[0]?.id || '';

  const w = () => (worker.current ??= createDataWorker());

  const choose = (file: File) => {
    setInfo(null);
    setPreview(null);
    importOutcome.value = null;
    setMessage('Reading the file…');
    setFileName(file.name);
    request<R<'parse'>>(w(), { type: 'parse', file, name: file.name })
      .result.then((r) => {
        setInfo(r.info);
        setMessage(null);
        const m = guessMapping(r.info.headers, state.attributeDefs.value);
        setMapping(m);
        showPreview(m);
      })
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  };

  const showPreview = (m: Target[], changed: { policy?: DuplicatePolicy; campaign?: string } = {}) => {
    request<R<'preview'>>(w(), { type: 'preview', mapping: m, country, policy: changed.policy ?? policy, campaignId: changed.campaign ?? campaign })
      .result.then((r) => setPreview(r))
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  };

  const run = () => {
    const actorId = state.actor.value?.id ?? '';
    // The worker that read the file runs the import and ends with it; the next file gets a new one.
    const busy = w();
    worker.current = null;
    setMessage(null);
    runImport(busy, { type: 'import', mapping, policy, country, actorId, placement: { campaignId: campaign, folderId, source: 'Import' } });
  };

  const options: { value: Target; label: string }[] = [
    { value: '', label: 'Do not import' },
    ...TARGETS.map((t) => ({ value: t, label: TARGET_LABELS[t] })),
    ...state.attributeDefs.value.map((d) => ({ value: `attr:${d.key}` as Target, label: `Attribute: ${d.label}` })),
  ];

  return (
    <div class="data-import">
      <label>
        File to import (CSV or Excel){' '}
        <input type="file" accept=".csv,.txt,.xlsx,text/csv" disabled={!!task} onChange={(e) => {
          const f = (e.currentTarget).files?.[0];
          // Cleared, so choosing the same file again (edited, or after an import) reads it again.
          e.currentTarget.value = '';
          if (f) choose(f);
        }} />
      </label>
      {info && (
        <>
          {info.notes.map((n) => (
            <p key={n} class="notice">
              {n}
            </p>
          ))}
          <p>
            {info.total.toLocaleString()} rows in {fileName}.
          </p>
          <label>
            Import into campaign{' '}
            <select
              value={campaign}
              onChange={(e) => {
                const next = e.currentTarget.value;
                setCampaignId(next);
                showPreview(mapping, { campaign: next });
              }}
            >
              {open.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Folder{' '}
            <select value={folderId} onChange={(e) => setFolderId((e.currentTarget).value)}>
              {state.sortedFolders.value.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            People already in Leadside (or earlier in the file){' '}
            <select
              value={policy}
              onChange={(e) => {
                const next = e.currentTarget.value as DuplicatePolicy;
                setPolicy(next);
                showPreview(mapping, { policy: next });
              }}
            >
              <option value="attach">Add an application to the existing candidate</option>
              <option value="skip">Skip them</option>
            </select>
          </label>
          <table class="data-mapping">
            <caption>Columns</caption>
            <thead>
              <tr>
                <th scope="col">Column in the file</th>
                <th scope="col">Imported as</th>
              </tr>
            </thead>
            <tbody>
              {info.headers.map((h, i) => (
                <tr key={`${h}-${i}`}>
                  <th scope="row">{h}</th>
                  <td>
                    <select
                      aria-label={`Import column ${h} as`}
                      value={mapping[i] ?? ''}
                      onChange={(e) => {
                        const next = mapping.slice();
                        next[i] = (e.currentTarget).value as Target;
                        setMapping(next);
                        showPreview(next);
                      }}
                    >
                      {options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview && (
            <div class="data-preview">
              <p>
                Preview (as stored)
                {preview.errors > 0 ? ` — ${preview.errors.toLocaleString()} ${preview.errors === 1 ? 'row is' : 'rows are'} skipped for errors or as duplicates in the file` : ''}:
              </p>
              <ul aria-label="Import preview">
                {preview.rows.map((r) => (
                  <li key={r.line} class={r.ok ? '' : 'error'}>
                    Line {r.line}: {r.text}
                    {r.note && <span class="muted"> — {r.note}</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {task ? (
            <Progress label="Import" done={task.done} total={task.total} onCancel={() => task.cancel()} />
          ) : (
            <button type="button" class="primary" disabled={!campaign} onClick={run}>
              Import {info.total.toLocaleString()} rows
            </button>
          )}
        </>
      )}
      {summary && (
        <div role="status" class="data-summary">
          <p>
            {summary.cancelled ? 'Import cancelled. ' : 'Import finished. '}
            {summary.created.toLocaleString()} new candidates, {summary.attached.toLocaleString()} applications added to existing candidates,{' '}
            {summary.skipped.toLocaleString()} rows skipped.
          </p>
          {summary.skipped > 0 && (
            <button type="button" onClick={() => download(new Blob([summary.report], { type: 'text/csv' }), exportFileName(state.workspace.value?.name ?? 'Workspace', new Date(), 'csv', 'import skipped rows'))}>
              Download skipped rows
            </button>
          )}
        </div>
      )}
      {task && !info && <Progress label="Import" done={task.done} total={task.total} onCancel={() => task.cancel()} />}
      {outcome && 'error' in outcome && <p role="status">{outcome.error}</p>}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
