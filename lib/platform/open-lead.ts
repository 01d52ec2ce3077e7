import { storage } from 'wxt/utils/storage';

/**
 * The lead a capture card asked the side panel to open (DESIGN §7: the background opens the
 * panel first, as the click's gesture requires, then leaves the lead here for the panel to read).
 * Session storage: gone when the browser closes, and not readable by content scripts.
 */
export const openLeadItem = storage.defineItem<string | null>('session:openLead', { fallback: null });

/** The waiting lead id, if any, consumed. */
export async function takeOpenLead(): Promise<string | null> {
  const id = await openLeadItem.getValue();
  if (id) await openLeadItem.removeValue();
  return id;
}

/** Calls `open` for each lead asked for while the panel is already open. */
export function watchOpenLead(open: (leadId: string) => void): () => void {
  return openLeadItem.watch((id) => {
    if (!id) return;
    open(id);
    void openLeadItem.removeValue();
  });
}
