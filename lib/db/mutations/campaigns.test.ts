import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDb } from '../../../tests/factories';
import { UserError } from '../errors';
import type { MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import { createCampaign, validateCampaign } from './campaigns';

let db: LeadsideDB;
let ctx: MutationContext;
const NOW = Date.UTC(2024, 3, 2, 8);

beforeEach(() => {
  db = makeDb();
  ctx = { db, actorId: 'user_mgr', now: () => NOW };
});

afterEach(async () => {
  await db.delete();
});

describe('validateCampaign', () => {
  it('trims and collapses white space', () => {
    expect(validateCampaign({ name: '  Senior   Nurse\t', location: ' Cebu  City ' })).toEqual({
      name: 'Senior Nurse',
      location: 'Cebu City',
    });
  });

  it('refuses an empty or blank job title with a message for the recruiter', () => {
    expect(() => validateCampaign({ name: '', location: 'Manila' })).toThrow(UserError);
    expect(() => validateCampaign({ name: ' \n ', location: 'Manila' })).toThrow('A campaign needs a job title.');
  });

  it('refuses titles and locations over 200 characters, and accepts exactly 200', () => {
    expect(validateCampaign({ name: 'x'.repeat(200), location: 'y'.repeat(200) }).name).toHaveLength(200);
    expect(() => validateCampaign({ name: 'x'.repeat(201), location: '' })).toThrow(/at most 200/);
    expect(() => validateCampaign({ name: 'Nurse', location: 'y'.repeat(201) })).toThrow(/location/);
  });

  it('allows an empty location', () => {
    expect(validateCampaign({ name: 'Nurse', location: '' })).toEqual({ name: 'Nurse', location: '' });
  });
});

describe('createCampaign', () => {
  it('stores an open campaign with the cleaned fields and ref J-101', async () => {
    const campaign = await createCampaign(ctx, { name: ' Call  Center Agent ', location: 'Manila' });
    expect(campaign).toMatchObject({
      ref: 'J-101',
      name: 'Call Center Agent',
      location: 'Manila',
      status: 'open',
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await db.campaigns.get(campaign.id)).toEqual(campaign);
  });

  it('allocates J-101, J-102, J-103 in order', async () => {
    const refs: string[] = [];
    for (const name of ['A', 'B', 'C']) refs.push((await createCampaign(ctx, { name, location: '' })).ref);
    expect(refs).toEqual(['J-101', 'J-102', 'J-103']);
  });

  it('writes one outbox record with the cleaned args and the actor', async () => {
    await createCampaign(ctx, { name: '  Nurse ', location: ' Cebu ' });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      mutation: 'createCampaign',
      args: { name: 'Nurse', location: 'Cebu' },
      actorId: 'user_mgr',
      at: NOW,
    });
  });

  it('writes nothing and uses up no ref when refused', async () => {
    await expect(createCampaign(ctx, { name: '   ', location: 'Manila' })).rejects.toBeInstanceOf(UserError);
    expect(await db.campaigns.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect((await createCampaign(ctx, { name: 'Nurse', location: '' })).ref).toBe('J-101');
  });

  it('announces the campaigns table change', async () => {
    const tables: string[][] = [];
    db.changes.subscribe((c) => tables.push(c.tables));
    await createCampaign(ctx, { name: 'Nurse', location: '' });
    expect(tables).toEqual([['campaigns']]);
  });
});
