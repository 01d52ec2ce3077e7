import type { ChangeSet } from '../db/changes';
import { LeadsideDB } from '../db/schema';

const CHANNEL = 'leadside-changes';
let instance: LeadsideDB | null = null;

/**
 * The extension's database, opened once per context, with its change feed wired to the other
 * extension contexts (side panel, options page, service worker share one origin, so a
 * BroadcastChannel reaches them all). A content script must never call this: its IndexedDB
 * would be the web page's.
 */
export function openDatabase(): LeadsideDB {
  if (instance) return instance;
  const db = new LeadsideDB();
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(CHANNEL);
    db.changes.forward = (change) => channel.postMessage(change);
    channel.onmessage = (event: MessageEvent<ChangeSet>) => {
      if (event.data && Array.isArray(event.data.leads)) db.changes.emit({ ...event.data, remote: true });
    };
  }
  instance = db;
  return db;
}
