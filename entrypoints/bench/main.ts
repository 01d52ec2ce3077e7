// Test builds only (wxt.config.ts drops this entry point from production builds): seeds the
// extension's database with generated leads for `npm run bench` and the scale tests.
import { seedLeads } from '../../tests/bench/seed';
import { openDatabase } from '../../lib/platform/database';

(globalThis as unknown as { leadsideBench: unknown }).leadsideBench = {
  seed: (leads: number) => seedLeads(openDatabase(), leads),
};
document.title = 'Leadside bench ready';
