import { useId, useMemo } from 'preact/hooks';
import type { Id } from '../../lib/domain/model';
import type { WeekBucket } from '../../lib/domain/weekly';
import { UNKNOWN } from '../../lib/index/query';
import type { AppState } from '../app/state';
import { CampaignPicker } from '../leads/CampaignPicker';
import { newLeadsPerWeek, openFolderInList } from './pipeline-actions';

const WEEKS = 13;

const leadsWord = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'lead' : 'leads'}`;
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface FolderBar {
  id: Id;
  name: string;
  count: number;
}

/**
 * Pipeline at a glance for the campaigns chosen in the picker (the same choice as the Leads
 * list): leads per folder, each bar a button opening that folder in the list, and new leads
 * per week. Plain HTML bars, so they reflow from 320 to 500 px; every number is also text.
 */
export function PipelineScreen({ state }: { state: AppState }) {
  const campaignIds = state.view.value.campaignIds;
  const counts = state.folderCounts.value;
  const revision = state.indexRevision.value;
  const now = state.now.value;
  const progress = state.progress.value;
  const ids = useId();

  const bars: FolderBar[] = state.sortedFolders.value.map((f) => ({ id: f.id, name: f.name, count: counts.get(f.id) ?? 0 }));
  const unknown = counts.get(UNKNOWN) ?? 0;
  if (unknown > 0) bars.push({ id: UNKNOWN, name: 'Unknown', count: unknown });
  const total = bars.reduce((n, b) => n + b.count, 0);
  const maxFolder = Math.max(1, ...bars.map((b) => b.count));

  const campaignKey = JSON.stringify(campaignIds);
  const weeks = useMemo(() => newLeadsPerWeek(state, campaignIds, now, WEEKS), [revision, campaignKey, now]);
  const newTotal = weeks.reduce((n, w) => n + w.count, 0);
  const view = state.view.value;
  const narrowed = view.search.trim() !== '' || view.applied.length > 0;

  return (
    <div class="pipeline">
      <div class="toolbar">
        <CampaignPicker state={state} />
      </div>
      {!progress.done && (
        <p class="muted pipeline-note" role="status">
          Counting leads
          {progress.total > 0 ? ` (${Math.round((100 * progress.loaded) / progress.total)}%)` : '…'}
        </p>
      )}

      <section class="pipeline-section" aria-labelledby={`${ids}-folders`}>
        <h2 id={`${ids}-folders`}>Leads per folder</h2>
        <p class="muted pipeline-note">
          {leadsWord(total)} in {campaignIds === null ? 'all campaigns' : campaignIds.length === 1 ? 'this campaign' : `${campaignIds.length} campaigns`}.
          {narrowed && ' The Leads list also applies its search and filters.'}
        </p>
        <ul class="folder-bars">
          {bars.map((b) => (
            <li key={b.id}>
              <button
                type="button"
                class="folder-bar"
                aria-label={`${b.name}: ${leadsWord(b.count)}`}
                title={`Show ${b.name} in the Leads list`}
                onClick={() => openFolderInList(state, b.id)}
              >
                <span class="bar-name">{b.name}</span>
                <span class="bar-track" aria-hidden="true">
                  <span class="bar-fill" style={{ width: `${(100 * b.count) / maxFolder}%` }} />
                </span>
                <span class="bar-count">{b.count.toLocaleString()}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section class="pipeline-section" aria-labelledby={`${ids}-weeks`}>
        <h2 id={`${ids}-weeks`}>New leads per week</h2>
        <p class="muted pipeline-note">
          {leadsWord(newTotal)} added in the last {WEEKS} weeks (weeks start on Monday).
        </p>
        <WeekChart weeks={weeks} />
        <details class="week-table">
          <summary>Show as a table</summary>
          <table>
            <caption class="sr-only">New leads per week</caption>
            <thead>
              <tr>
                <th scope="col">Week starting</th>
                <th scope="col">New leads</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.start}>
                  <th scope="row">{fullDate.format(w.start)}</th>
                  <td>{w.count.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    </div>
  );
}

function WeekChart({ weeks }: { weeks: WeekBucket[] }) {
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const last = weeks.length - 1;
  return (
    <ol class="week-bars" aria-label="New leads per week">
      {weeks.map((w, i) => {
        const label = i === last ? 'This week' : `Week of ${dayMonth.format(w.start)}`;
        // Too narrow for 13 dates: every fourth week is labelled, counting back from this one.
        const tick = (last - i) % 4 === 0;
        return (
          <li key={w.start} class="week" aria-label={`${label}: ${w.count.toLocaleString()} new ${w.count === 1 ? 'lead' : 'leads'}`}>
            <span class="week-count" aria-hidden="true">
              {w.count > 0 ? w.count.toLocaleString() : ''}
            </span>
            <span class="week-track" aria-hidden="true">
              <span class="week-fill" style={{ height: `${(100 * w.count) / max}%` }} />
            </span>
            <span class="week-label" aria-hidden="true">
              {tick ? (i === last ? 'Now' : dayMonth.format(w.start)) : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
