import type { Id } from '../../lib/domain/model';
import { weekBuckets, weeklyCounts, type WeekBucket } from '../../lib/domain/weekly';
import { setFolder } from '../app/actions';
import type { AppState } from '../app/state';

/** A folder's bar: that folder in the Leads list, for the same campaigns. */
export function openFolderInList(state: AppState, folderId: Id): void {
  state.batch(() => {
    setFolder(state, folderId);
    state.previewId.value = null;
    state.screen.value = 'leads';
  });
}

/** New leads per local week in the selected campaigns, the last `weeks` weeks up to `now`. */
export function newLeadsPerWeek(state: AppState, campaignIds: Id[] | null, now: number, weeks = 13): WeekBucket[] {
  const since = weekBuckets(now, { weeks })[0]!.start;
  return weeklyCounts(state.live.index.addedTimes(campaignIds, since), now, { weeks });
}
