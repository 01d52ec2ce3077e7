import { can } from '../../lib/domain/permissions';
import type { AppState } from '../app/state';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { BackupPanel } from './BackupPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

/** Data in and out (issue 5): import, General Export, backup and restore. */
export function DataScreen({ state }: { state: AppState }) {
  const actor = state.actor.value;
  const mayExport = can(actor, 'data.export');
  const mayImport = can(actor, 'data.import');
  return (
    <div class="data-screen">
      <Section title="Import">{mayImport ? <ImportPanel state={state} /> : <p class="muted">You may not import.</p>}</Section>
      <Section title="Export">{mayExport ? <ExportPanel state={state} /> : <p class="muted">Only owners and managers can export.</p>}</Section>
      <Section title="Backup and restore">
        {mayExport ? <BackupPanel state={state} reload={() => location.reload()} /> : <p class="muted">Only owners and managers can back up and restore.</p>}
      </Section>
    </div>
  );
}

function Section(props: { title: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="ws-section" aria-labelledby={id}>
      <h2 id={id}>{props.title}</h2>
      {props.children}
    </section>
  );
}
