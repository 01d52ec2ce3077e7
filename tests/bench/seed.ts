import { ensureWorkspace } from '../../lib/db/mutations/workspace';
import { insertDataset } from '../../lib/db/mutations/dataset';
import type { LeadsideDB } from '../../lib/db/schema';
import { generateDataset } from '../../lib/sample/generate';

const CHUNK = 5000;

/**
 * Writes `leads` generated leads (and their candidates, campaigns, labels…) through the same
 * mutation the app uses, in chunks so no transaction holds 100k rows at once.
 */
export async function seedLeads(db: LeadsideDB, leads: number): Promise<{ ms: number; leads: number }> {
  const start = performance.now();
  const { self } = await ensureWorkspace(db);
  const data = generateDataset({ leads, seed: 100_000, now: Date.now(), selfUserId: self.id, messages: false });
  const ctx = { db, actorId: self.id };
  const allLeads = data.leads ?? [];
  const allCandidates = data.candidates ?? [];
  await insertDataset(ctx, { ...data, leads: [], candidates: [] }, { mutation: 'benchSeed', recordArgs: false });
  for (let i = 0; i < allCandidates.length; i += CHUNK) {
    await insertDataset(ctx, { candidates: allCandidates.slice(i, i + CHUNK) }, { mutation: 'benchSeed', recordArgs: false });
  }
  for (let i = 0; i < allLeads.length; i += CHUNK) {
    await insertDataset(ctx, { leads: allLeads.slice(i, i + CHUNK) }, { mutation: 'benchSeed', recordArgs: false });
  }
  return { ms: performance.now() - start, leads: allLeads.length };
}
