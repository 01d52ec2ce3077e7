import { useEffect, useState } from 'preact/hooks';
import { can } from '../../lib/domain/permissions';
import { clearSelection, selectAllMatching } from '../app/actions';
import type { AppState } from '../app/state';
import { BulkDialog, type BulkIntent } from '../bulk/BulkDialog';
import { ExportPanel } from '../data/ExportPanel';
import { Dialog } from '../ui/Dialog';
import { SendMessageDialog } from '../bulk/SendMessageDialog';
import { bulkSendQueueItem } from '../../lib/platform/storage';

const QUICK: BulkIntent[] = [
  { kind: 'moveToFolder', folderId: 'shortlisted', title: 'Shortlist' },
  { kind: 'moveToFolder', folderId: 'rejected', title: 'Reject' },
  { kind: 'moveToFolder', folderId: 'on_hold', title: 'Hold' },
  { kind: 'moveToFolder', folderId: 'hired', title: 'Hire' },
];

const MORE: BulkIntent[] = [
  { kind: 'moveToFolder', title: 'Move to folder' },
  { kind: 'moveToCampaign', title: 'Move to another campaign' },
  { kind: 'createApplication', title: 'Create application in another campaign' },
  { kind: 'addLabel', title: 'Add label' },
  { kind: 'removeLabel', title: 'Remove label' },
  { kind: 'assign', title: 'Assign recruiter' },
];

/** Appears when leads are selected: the count, select-all-matching, and the bulk actions. */
export function BulkBar({ state }: { state: AppState }) {
  const [intent, setIntent] = useState<BulkIntent | null>(null);
  const [menu, setMenu] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [sending, setSending] = useState(false);
  const [unfinishedQueue, setUnfinishedQueue] = useState(false);
  useEffect(() => {
    // A bulk send queue left when the panel closed: offer to go back to it with nothing selected.
    let live = true;
    void bulkSendQueueItem.getValue().then((q) => live && setUnfinishedQueue(q !== null));
    const stop = bulkSendQueueItem.watch((q) => setUnfinishedQueue(q !== null));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const count = state.selection.value.size;
  const total = state.results.value.total;
  const actor = state.actor.value;
  if (count === 0 && !intent && !sending && !exporting) {
    if (!unfinishedQueue) return null;
    return (
      <div class="bulk-bar" role="region" aria-label="Bulk actions">
        <div class="bulk-line">
          <span>A bulk message was not sent to everyone yet.</span>
          <button type="button" onClick={() => setSending(true)}>
            Continue sending…
          </button>
        </div>
      </div>
    );
  }
  const mayRun = can(actor, 'bulk.run');
  const mayDelete = can(actor, 'lead.delete');
  const choose = (i: BulkIntent) => {
    setMenu(false);
    setIntent(i);
  };
  return (
    <div class="bulk-bar" role="region" aria-label="Bulk actions">
      <div class="bulk-line">
        <span role="status">{count.toLocaleString()} selected</span>
        {count < total && (
          <button type="button" class="link-button" onClick={() => selectAllMatching(state)}>
            Select all {total.toLocaleString()} matching
          </button>
        )}
        <button type="button" class="link-button" onClick={() => clearSelection(state)}>
          Clear selection
        </button>
      </div>
      <div class="bulk-line">
        {QUICK.map((q) => (
          <button key={q.title} type="button" disabled={!mayRun} onClick={() => choose(q)}>
            {q.title}
          </button>
        ))}
        <div class="menu-anchor">
          <button type="button" aria-haspopup="menu" aria-expanded={menu} disabled={!mayRun} onClick={() => setMenu(!menu)}>
            More actions
          </button>
          {menu && (
            <div
              class="popover menu menu-up"
              role="menu"
              aria-label="More actions"
              onKeyDown={(e) => {
                if (e.key === 'Escape') setMenu(false);
              }}
            >
              {MORE.map((m) => (
                <button key={m.title} type="button" role="menuitem" onClick={() => choose(m)}>
                  {m.title}…
                </button>
              ))}
              <button
                type="button"
                role="menuitem"
                disabled={!can(actor, 'data.export')}
                title={can(actor, 'data.export') ? undefined : 'Only owners and managers can export'}
                onClick={() => {
                  setMenu(false);
                  setExporting(true);
                }}
              >
                Export selected…
              </button>
              <button
                type="button"
                role="menuitem"
                disabled={!can(actor, 'lead.message')}
                onClick={() => {
                  setMenu(false);
                  setSending(true);
                }}
              >
                Send message…
              </button>
              <button
                type="button"
                role="menuitem"
                disabled={!mayDelete}
                title={mayDelete ? undefined : 'Only the Owner can delete applications'}
                onClick={() => choose({ kind: 'deleteLeads', title: 'Delete applications' })}
              >
                Delete…
              </button>
            </div>
          )}
        </div>
      </div>
      {exporting && (
        <Dialog title="Export selected" onClose={() => setExporting(false)}>
          <ExportPanel state={state} leadIds={[...state.selection.value]} />
        </Dialog>
      )}
      {intent && <BulkDialog state={state} intent={intent} onClose={() => setIntent(null)} />}
      {sending && <SendMessageDialog state={state} onClose={() => setSending(false)} />}
    </div>
  );
}
