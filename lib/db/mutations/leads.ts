import type { Activity, Id, Lead } from '../../domain/model';
import { UserError } from '../errors';
import { mutate, newId, type MutationContext } from '../mutate';

/** Move leads to a folder (DESIGN §1: a lead's status is its folder). Logged per lead. */
export async function moveLeads(ctx: MutationContext, leadIds: readonly Id[], folderId: Id): Promise<number> {
  return mutate(ctx, 'moveLeads', { leadIds, folderId }, ['leads', 'folders', 'activities'], async (scope) => {
    const folder = await scope.db.folders.get(folderId);
    if (!folder) throw new UserError('That folder no longer exists.');
    const leads = await scope.db.leads.bulkGet([...leadIds]);
    const moved: Lead[] = [];
    const activities: Activity[] = [];
    for (const lead of leads) {
      if (!lead || lead.folderId === folderId) continue;
      moved.push({ ...lead, folderId, updatedAt: scope.now });
      activities.push({
        id: newId(scope.now),
        at: scope.now,
        actorId: scope.actorId,
        what: 'lead.moved',
        leadId: lead.id,
        candidateId: lead.candidateId,
        before: { folderId: lead.folderId },
        after: { folderId },
        updatedAt: scope.now,
      });
    }
    await scope.db.leads.bulkPut(moved);
    await scope.db.activities.bulkAdd(activities);
    scope.wroteLeads(moved);
    return moved.length;
  });
}
