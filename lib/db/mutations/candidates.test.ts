import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCampaign, makeCandidate, makeDb, makeLead, stored } from '../../../tests/factories';
import type { Campaign, Candidate } from '../../domain/model';
import type { ChangeSet } from '../changes';
import { UserError } from '../errors';
import type { MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import {
  addApplication,
  addCandidate,
  AlreadyAppliedError,
  DuplicateCandidateError,
  lookupDuplicates,
  validateCandidate,
  validatePlacement,
} from './candidates';
import { ensureWorkspace } from './workspace';

let db: LeadsideDB;
let ctx: MutationContext;
let nurse: Campaign;
let driver: Campaign;
let closed: Campaign;
let ana: Candidate;
const NOW = Date.UTC(2024, 4, 20, 9);

beforeEach(async () => {
  db = makeDb();
  const { self } = await ensureWorkspace(db, NOW - 60_000);
  ctx = { db, actorId: self.id, now: () => NOW };
  nurse = makeCampaign({ name: 'Nurse' });
  driver = makeCampaign({ name: 'Driver' });
  closed = makeCampaign({ name: 'Old job', status: 'closed' });
  ana = makeCandidate({
    ref: 'C-3001',
    firstName: 'Ana',
    lastName: 'Reyes',
    email: 'Ana.Reyes@example.com',
    phone: '+639171234567',
    linkedinUrl: 'https://www.linkedin.com/in/ana-reyes',
    facebookUrl: 'https://www.facebook.com/ana.reyes.5',
  });
  await db.campaigns.bulkAdd([nurse, driver, closed]);
  await db.candidates.add(ana);
  await db.leads.add(makeLead({ ref: 'A-10001', candidateId: ana.id, campaignId: nurse.id }));
  // Numbering continues after the rows already there.
  await db.counters.bulkPut([
    { name: 'candidate', next: 3002 },
    { name: 'lead', next: 10002 },
  ]);
});

afterEach(async () => {
  await db.delete();
});

const inNurse = () => ({ campaignId: nurse.id, folderId: 'inbox', source: 'Manual' });

function changes(): ChangeSet[] {
  const seen: ChangeSet[] = [];
  db.changes.subscribe((c) => seen.push(c));
  return seen;
}

async function snapshot() {
  return {
    candidates: await db.candidates.count(),
    leads: await db.leads.count(),
    activities: await db.activities.count(),
    outbox: await db.outbox.count(),
    counters: await db.counters.toArray(),
  };
}

describe('validateCandidate', () => {
  it('cleans names and normalises every contact field', () => {
    const result = validateCandidate(
      {
        firstName: '  Maria  Clara ',
        lastName: ' dela Cruz',
        email: ' Maria@Example.com ',
        phone: '0917-555-0101',
        linkedinUrl: 'ph.linkedin.com/in/Maria-DC/?trk=x',
        facebookUrl: 'm.facebook.com/Maria.DC#about',
      },
      'PH',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        firstName: 'Maria Clara',
        lastName: 'dela Cruz',
        email: 'Maria@Example.com',
        phone: '+639175550101',
        linkedinUrl: 'https://www.linkedin.com/in/maria-dc',
        facebookUrl: 'https://www.facebook.com/maria.dc',
      },
    });
  });

  it('leaves out empty optional fields', () => {
    expect(validateCandidate({ firstName: 'A', lastName: 'B', email: ' ', phone: '' }, 'PH')).toEqual({
      ok: true,
      value: { firstName: 'A', lastName: 'B' },
    });
  });

  it('reports every bad field at once', () => {
    const result = validateCandidate(
      { firstName: ' ', lastName: '', email: 'nope', phone: '12', linkedinUrl: 'https://example.com/x', facebookUrl: 'https://www.facebook.com/groups/1' },
      'PH',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['email', 'facebookUrl', 'firstName', 'lastName', 'linkedinUrl', 'phone']);
    expect(result.errors.firstName).toBe('Enter a first name.');
  });

  it('limits names to 100 characters', () => {
    expect(validateCandidate({ firstName: 'x'.repeat(100), lastName: 'y' }, 'PH').ok).toBe(true);
    expect(validateCandidate({ firstName: 'x'.repeat(101), lastName: 'y' }, 'PH').ok).toBe(false);
  });
});

describe('validatePlacement', () => {
  it('needs a campaign, a folder and a source', () => {
    expect(validatePlacement({ campaignId: '', folderId: '', source: '  ' })).toEqual({
      ok: false,
      errors: { campaignId: 'Choose a campaign.', folderId: 'Choose a folder.', source: 'Choose a source.' },
    });
    expect(validatePlacement({ campaignId: 'c', folderId: 'inbox', source: ' Job  board ' })).toEqual({
      ok: true,
      value: { campaignId: 'c', folderId: 'inbox', source: 'Job board' },
    });
  });
});

describe('lookupDuplicates', () => {
  it('finds a stored candidate by email ignoring case, by phone, and by profile URL', async () => {
    expect((await lookupDuplicates(db, { email: 'ana.reyes@EXAMPLE.com' })).map((m) => m.fields)).toEqual([['email']]);
    expect((await lookupDuplicates(db, { phone: '+639171234567' }))[0]!.candidate.id).toBe(ana.id);
    expect((await lookupDuplicates(db, { linkedinUrl: 'https://www.linkedin.com/in/ana-reyes' }))[0]!.fields).toEqual(['linkedinUrl']);
    expect(await lookupDuplicates(db, { linkedinUrl: 'https://www.linkedin.com/in/ana' })).toEqual([]);
  });

  it('finds an older row whose URL was stored in another form', async () => {
    const old = makeCandidate({ facebookUrl: 'http://m.facebook.com/Dana.Lim/' });
    await db.candidates.add(old);
    const matches = await lookupDuplicates(db, { facebookUrl: 'https://www.facebook.com/dana.lim' });
    expect(matches.map((m) => m.candidate.id)).toEqual([old.id]);
  });
});

describe('addCandidate', () => {
  const draft = { firstName: 'Ben', lastName: 'Cruz', email: 'ben@example.com', phone: '0918 222 3333' };

  it('creates the candidate (C-…), their lead (A-…) and an activity, with the next refs', async () => {
    const { candidate, lead } = await addCandidate(ctx, draft, { ...inNurse(), source: 'Referral' });
    expect(candidate).toMatchObject({
      ref: 'C-3002',
      firstName: 'Ben',
      lastName: 'Cruz',
      email: 'ben@example.com',
      phone: '+639182223333',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(lead).toMatchObject({
      ref: 'A-10002',
      candidateId: candidate.id,
      campaignId: nurse.id,
      folderId: 'inbox',
      source: 'Referral',
      labels: [],
      addedAt: NOW,
      lastActivityAt: NOW,
    });
    expect(await db.candidates.get(candidate.id)).toEqual(stored(candidate));
    expect(await db.leads.get(lead.id)).toEqual(lead);
    const activities = await db.activities.toArray();
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      what: 'candidate.added',
      actorId: ctx.actorId,
      at: NOW,
      leadId: lead.id,
      candidateId: candidate.id,
      after: { campaignId: nurse.id, folderId: 'inbox', source: 'Referral' },
    });
  });

  it('writes one outbox record with the new ids and the cleaned input', async () => {
    const before = await db.outbox.count();
    const { candidate, lead } = await addCandidate(ctx, draft, inNurse());
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox).toHaveLength(before + 1);
    expect(outbox.at(-1)).toMatchObject({
      mutation: 'addCandidate',
      actorId: ctx.actorId,
      at: NOW,
      args: {
        candidateId: candidate.id,
        leadId: lead.id,
        campaignId: nurse.id,
        folderId: 'inbox',
        source: 'Manual',
        candidate: { firstName: 'Ben', lastName: 'Cruz', email: 'ben@example.com', phone: '+639182223333' },
      },
    });
  });

  it('writes profile details given by the caller (capture) in the same row and outbox record', async () => {
    const details = { headline: 'Open to work', title: 'Nurse', about: 'Ten years.\nICU.', websites: ['https://ben.example/'] };
    const { candidate } = await addCandidate(ctx, draft, { ...inNurse(), details });
    expect(await db.candidates.get(candidate.id)).toMatchObject({ ...details, firstName: 'Ben', phone: '+639182223333' });
    expect((await db.outbox.orderBy('id').last())?.args).toMatchObject({ candidate: { ...details, firstName: 'Ben' } });
  });

  it('announces the new candidate and lead with their rows', async () => {
    const seen = changes();
    const { candidate, lead } = await addCandidate(ctx, draft, inNurse());
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ mutation: 'addCandidate', leads: [lead.id], candidates: [candidate.id] });
    expect(seen[0]!.leadRows).toEqual([lead]);
    expect(seen[0]!.candidateRows).toEqual([candidate]);
  });

  it.each([
    ['email in another case', { email: 'ANA.REYES@example.COM' }, /same email/],
    ['phone in another format', { phone: '+63 917 123 4567' }, /same phone/],
    ['LinkedIn URL variant', { linkedinUrl: 'https://ph.linkedin.com/in/Ana-Reyes/?trk=x' }, /same LinkedIn profile/],
    ['Facebook URL variant', { facebookUrl: 'http://m.facebook.com/ana.reyes.5/' }, /same Facebook profile/],
  ])('refuses a twin by %s, naming who matched, and writes nothing', async (_, contact, message) => {
    const seen = changes();
    const before = await snapshot();
    const error = await addCandidate(ctx, { firstName: 'Anna', lastName: 'R', ...contact }, inNurse()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateCandidateError);
    expect(error).toBeInstanceOf(UserError);
    const dup = error as DuplicateCandidateError;
    expect(dup.message).toMatch(/^Ana Reyes \(C-3001\) is already in Leadside/);
    expect(dup.message).toMatch(message);
    expect(dup.matches.map((m) => m.candidate.id)).toEqual([ana.id]);
    expect(await snapshot()).toEqual(before);
    expect(seen).toEqual([]);
  });

  it('re-checks inside its transaction: a twin written a moment before is refused', async () => {
    // Two panels add the same person at once: both pass any check made before writing, so the
    // check that counts is the one inside the transaction.
    const a = addCandidate(ctx, { firstName: 'Cy', lastName: 'Tan', email: 'cy@example.com' }, inNurse());
    const b = addCandidate(ctx, { firstName: 'Cy', lastName: 'Tan', email: 'CY@example.com' }, inNurse());
    const results = await Promise.allSettled([a, b]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected')!;
    expect(rejected.reason).toBeInstanceOf(DuplicateCandidateError);
    expect((rejected.reason as Error).message).toMatch(/^Cy Tan \(C-3002\) is already in Leadside with the same email/);
    expect(await db.candidates.where('email').equalsIgnoreCase('cy@example.com').count()).toBe(1);
    expect(await db.leads.count()).toBe(2);
  });

  it('refuses invalid input, a closed or missing campaign, and a missing folder, using up no ref', async () => {
    const before = await snapshot();
    await expect(addCandidate(ctx, { firstName: '', lastName: 'X' }, inNurse())).rejects.toThrow('Enter a first name.');
    await expect(addCandidate(ctx, { firstName: 'A', lastName: 'B', phone: 'abc' }, inNurse())).rejects.toThrow(UserError);
    await expect(addCandidate(ctx, { firstName: 'A', lastName: 'B' }, { ...inNurse(), source: '' })).rejects.toThrow('Choose a source.');
    await expect(addCandidate(ctx, { firstName: 'A', lastName: 'B' }, { ...inNurse(), campaignId: closed.id })).rejects.toThrow(/closed/);
    await expect(addCandidate(ctx, { firstName: 'A', lastName: 'B' }, { ...inNurse(), campaignId: 'gone' })).rejects.toThrow(
      'That campaign no longer exists.',
    );
    await expect(addCandidate(ctx, { firstName: 'A', lastName: 'B' }, { ...inNurse(), folderId: 'gone' })).rejects.toThrow(
      'That folder no longer exists.',
    );
    expect(await snapshot()).toEqual(before);
    expect((await addCandidate(ctx, { firstName: 'A', lastName: 'B' }, inNurse())).candidate.ref).toBe('C-3002');
  });

  it('parses the phone with the given default country', async () => {
    const { candidate } = await addCandidate(ctx, { firstName: 'Dee', lastName: 'Lo', phone: '(415) 555-2671' }, {
      ...inNurse(),
      defaultCountry: 'US',
    });
    expect(candidate.phone).toBe('+14155552671');
  });
});

describe('addApplication', () => {
  it('adds a lead for the existing candidate in another campaign, with an activity and outbox record', async () => {
    const seen = changes();
    const candidatesBefore = await db.candidates.count();
    const lead = await addApplication(ctx, ana.id, { campaignId: driver.id, folderId: 'shortlisted', source: 'Referral' });
    expect(lead).toMatchObject({
      ref: 'A-10002',
      candidateId: ana.id,
      campaignId: driver.id,
      folderId: 'shortlisted',
      source: 'Referral',
      addedAt: NOW,
    });
    expect(await db.candidates.count()).toBe(candidatesBefore);
    expect(await db.leads.where('candidateId').equals(ana.id).count()).toBe(2);
    expect(await db.activities.toArray()).toEqual([
      expect.objectContaining({ what: 'lead.added', leadId: lead.id, candidateId: ana.id, actorId: ctx.actorId }),
    ]);
    expect((await db.outbox.orderBy('id').last())!).toMatchObject({
      mutation: 'addApplication',
      args: { leadId: lead.id, candidateId: ana.id, campaignId: driver.id, folderId: 'shortlisted', source: 'Referral' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.leadRows).toEqual([lead]);
  });

  it('refuses a second lead in the same campaign, saying which one exists', async () => {
    const before = await snapshot();
    const error = await addApplication(ctx, ana.id, inNurse()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlreadyAppliedError);
    expect((error as Error).message).toBe('Ana Reyes (C-3001) already has an application in Nurse (A-10001).');
    expect((error as AlreadyAppliedError).lead.ref).toBe('A-10001');
    expect(await snapshot()).toEqual(before);
  });

  it('allows only one of two concurrent applications to the same campaign', async () => {
    const results = await Promise.allSettled([
      addApplication(ctx, ana.id, { ...inNurse(), campaignId: driver.id }),
      addApplication(ctx, ana.id, { ...inNurse(), campaignId: driver.id }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db.leads.where('[candidateId+campaignId]').equals([ana.id, driver.id]).count()).toBe(1);
  });

  it('refuses a missing candidate or a closed campaign', async () => {
    await expect(addApplication(ctx, 'nobody', inNurse())).rejects.toThrow('That candidate no longer exists.');
    await expect(addApplication(ctx, ana.id, { ...inNurse(), campaignId: closed.id })).rejects.toThrow(/closed/);
  });
});
