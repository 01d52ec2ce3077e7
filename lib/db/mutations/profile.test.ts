import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeAttachment,
  makeAttributeDef,
  makeCampaign,
  makeCandidate,
  makeComment,
  makeDb,
  makeLabel,
  makeLead,
  makeMessage,
  makeUser,
  stored,
} from '../../../tests/factories';
import type { Candidate, Lead, User } from '../../domain/model';
import type { ChangeSet } from '../changes';
import { StorageFullError, UserError } from '../errors';
import type { MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import {
  addComment,
  addLeadLabels,
  assignLeads,
  createLabel,
  deleteComment,
  deleteLead,
  editCandidate,
  editComment,
  editLead,
  editProfile,
  erasePerson,
  erasureSummary,
  removeLeadLabels,
  setDoNotContact,
  ValidationError,
} from './profile';
import { ensureWorkspace } from './workspace';
import { insertDataset } from './dataset';

const NOW = Date.UTC(2024, 6, 10, 14);
const quota = () => new DOMException('full', 'QuotaExceededError');

let db: LeadsideDB;
let ctx: MutationContext;
let self: User;
let manager: User;
let limited: User;
let person: Candidate;
let lead: Lead;
let other: Lead;

beforeEach(async () => {
  db = makeDb();
  ({ self } = await ensureWorkspace(db, NOW - 10_000));
  ctx = { db, actorId: self.id, now: () => NOW };
  manager = makeUser({ role: 'manager' });
  limited = makeUser({ role: 'limited_manager' });
  await db.users.bulkAdd([manager, limited]);
  person = makeCandidate({ firstName: 'Ana', lastName: 'Reyes', email: 'ana@example.com', phone: '+639171234567' });
  const campaign = makeCampaign({ name: 'Barista' });
  await db.campaigns.add(campaign);
  lead = makeLead({ candidateId: person.id, campaignId: campaign.id, attributes: { years: 2 } });
  other = makeLead({ candidateId: person.id });
  await db.candidates.add(person);
  await db.leads.bulkAdd([lead, other]);
  await db.attributeDefs.bulkAdd([
    makeAttributeDef({ key: 'years', label: 'Years of experience', type: 'number' }),
    makeAttributeDef({ key: 'from', label: 'Available from', type: 'date' }),
  ]);
});

afterEach(async () => {
  await db.delete();
});

function changes(): ChangeSet[] {
  const seen: ChangeSet[] = [];
  db.changes.subscribe((c) => seen.push(c));
  return seen;
}

/** Row counts of the tables a mutation may write, to prove that a refusal wrote nothing. */
async function snapshot() {
  return {
    leads: await db.leads.toArray(),
    candidates: await db.candidates.toArray(),
    labels: await db.labels.toArray(),
    comments: await db.comments.toArray(),
    messages: await db.messages.toArray(),
    activities: await db.activities.count(),
    outbox: await db.outbox.count(),
    tombstones: await db.tombstones.count(),
  };
}

async function lastOutbox() {
  return (await db.outbox.orderBy('id').toArray()).at(-1);
}

describe('editCandidate', () => {
  it('stores the phone in E.164 (another country’s format), logs before/after, writes outbox', async () => {
    const seen = changes();
    const saved = await editCandidate(ctx, person.id, { phone: '+44 7911 123456', email: ' new@example.com ' }, 'PH');
    expect(saved.phone).toBe('+447911123456');
    expect(await db.candidates.get(person.id)).toEqual(stored({ ...person, phone: '+447911123456', email: 'new@example.com', updatedAt: NOW }));
    const [act] = await db.activities.toArray();
    expect(act).toMatchObject({
      what: 'candidate.edited',
      actorId: self.id,
      at: NOW,
      candidateId: person.id,
      before: { phone: '+639171234567', email: 'ana@example.com' },
      after: { phone: '+447911123456', email: 'new@example.com' },
    });
    expect(await lastOutbox()).toMatchObject({ mutation: 'editCandidate', actorId: self.id });
    expect(seen[0]).toMatchObject({ mutation: 'editCandidate', candidates: [person.id] });
    expect(seen[0]!.candidateRows?.[0]?.phone).toBe('+447911123456');
  });

  it('clears an optional field given as empty', async () => {
    await editCandidate(ctx, person.id, { email: '' }, 'PH');
    expect((await db.candidates.get(person.id))!.email).toBeUndefined();
  });

  it('refuses bad input with a message per field and saves nothing', async () => {
    const before = await snapshot();
    const error = await editCandidate(ctx, person.id, { firstName: 'Ok', email: 'a b@c.de', phone: 'letters' }, 'PH').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({
      email: 'An email address cannot contain spaces.',
      phone: expect.stringMatching(/only contain digits/) as unknown,
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('editLead', () => {
  it('edits source, reject reason and attributes by definition, logging each change', async () => {
    await editLead(ctx, lead.id, { source: 'Referral', rejectReason: 'Too far', attributes: { years: '5', from: '2025-01-31' } });
    const saved = (await db.leads.get(lead.id))!;
    expect(saved).toMatchObject({ source: 'Referral', rejectReason: 'Too far', attributes: { years: 5, from: '2025-01-31' }, updatedAt: NOW });
    const [act] = await db.activities.toArray();
    expect(act).toMatchObject({
      what: 'lead.edited',
      leadId: lead.id,
      before: { source: 'Manual', rejectReason: null, 'attributes.years': 2, 'attributes.from': null },
      after: { source: 'Referral', rejectReason: 'Too far', 'attributes.years': 5, 'attributes.from': '2025-01-31' },
    });
    expect(await lastOutbox()).toMatchObject({ mutation: 'editLead' });
  });

  it('refuses a date attribute of "tomorrow-ish" and an empty source, saving nothing', async () => {
    const before = await snapshot();
    const error = await editLead(ctx, lead.id, { source: '', attributes: { from: 'tomorrow-ish', years: '7' } }).catch((e: unknown) => e);
    expect((error as ValidationError).fields).toEqual({
      source: 'Source is required.',
      'attr:from': 'Available from must be a date written YYYY-MM-DD, e.g. 2025-03-31.',
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('editProfile', () => {
  it('saves person and application together in one mutation', async () => {
    const seen = changes();
    await editProfile(ctx, lead.id, { candidate: { firstName: 'Anna', phone: '09171112222' }, lead: { source: 'Walk-in' } }, 'PH');
    expect((await db.candidates.get(person.id))!).toMatchObject({ firstName: 'Anna', phone: '+639171112222' });
    expect((await db.leads.get(lead.id))!.source).toBe('Walk-in');
    expect((await db.activities.toArray()).map((a) => a.what).sort()).toEqual(['candidate.edited', 'lead.edited']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ mutation: 'editProfile', leads: [lead.id], candidates: [person.id] });
  });

  it('reports candidate and lead errors together and writes nothing', async () => {
    const before = await snapshot();
    const error = await editProfile(ctx, lead.id, { candidate: { lastName: ' ' }, lead: { attributes: { years: 'many' } } }, 'PH').catch(
      (e: unknown) => e,
    );
    expect((error as ValidationError).fields).toEqual({
      lastName: 'Last name is required.',
      'attr:years': 'Years of experience must be a number, e.g. 3 or 2.5.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('leaves nothing partial when the disk is full mid-way', async () => {
    const before = await snapshot();
    db.activities.hook('creating', () => {
      throw quota();
    });
    const attempt = editProfile(ctx, lead.id, { candidate: { firstName: 'Zed' }, lead: { source: 'Import' } }, 'PH');
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot()).toEqual(before);
  });
});

describe('assignLeads', () => {
  it('assigns and unassigns, logging before and after', async () => {
    expect(await assignLeads(ctx, [lead.id, other.id], manager.id)).toBe(2);
    expect((await db.leads.get(lead.id))!.assignedTo).toBe(manager.id);
    expect(await assignLeads(ctx, [lead.id], manager.id)).toBe(0);
    expect(await assignLeads(ctx, [lead.id], null)).toBe(1);
    expect((await db.leads.get(lead.id))!.assignedTo).toBeUndefined();
    const acts = await db.activities.where('leadId').equals(lead.id).sortBy('id');
    expect(acts.map((a) => [a.what, a.before, a.after])).toEqual([
      ['lead.assigned', { assignedTo: null }, { assignedTo: manager.id }],
      ['lead.assigned', { assignedTo: manager.id }, { assignedTo: null }],
    ]);
    expect((await db.outbox.toArray()).filter((o) => o.mutation === 'assignLeads')).toHaveLength(3);
  });

  it('refuses an unknown user, changing nothing', async () => {
    const before = await snapshot();
    await expect(assignLeads(ctx, [lead.id], 'ghost')).rejects.toThrow(UserError);
    expect(await snapshot()).toEqual(before);
  });
});

describe('setDoNotContact', () => {
  it('sets with date and reason, then clears; both logged', async () => {
    const seen = changes();
    await setDoNotContact(ctx, person.id, { reason: ' Asked to stop ' });
    expect((await db.candidates.get(person.id))!.doNotContact).toEqual({ at: NOW, reason: 'Asked to stop' });
    await setDoNotContact(ctx, person.id, null);
    expect((await db.candidates.get(person.id))!.doNotContact).toBeUndefined();
    const acts = await db.activities.orderBy('id').toArray();
    expect(acts.map((a) => a.what)).toEqual(['candidate.doNotContact', 'candidate.contactAllowed']);
    expect(acts[0]!.after).toEqual({ doNotContact: { at: NOW, reason: 'Asked to stop' } });
    expect(acts[1]!.before).toEqual({ doNotContact: { at: NOW, reason: 'Asked to stop' } });
    expect(seen.map((c) => c.candidates)).toEqual([[person.id], [person.id]]);
  });

  it('refuses an empty reason', async () => {
    const before = await snapshot();
    await expect(setDoNotContact(ctx, person.id, { reason: ' ' })).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot()).toEqual(before);
  });
});

describe('labels', () => {
  it('creates a label trimmed, with a case-free key, and puts it on the lead in one go', async () => {
    const label = await createLabel(ctx, { name: '  Night  Owl ', leadId: lead.id });
    expect(label).toMatchObject({ name: 'Night Owl', nameKey: 'night owl', updatedAt: NOW });
    expect(label.color).toMatch(/^#[0-9a-f]{6}$/);
    expect((await db.leads.get(lead.id))!.labels).toEqual([label.id]);
    expect((await db.activities.toArray()).map((a) => a.what).sort()).toEqual(['label.created', 'lead.labelAdded']);
    expect(await lastOutbox()).toMatchObject({ mutation: 'createLabel', args: { name: 'Night Owl', leadId: lead.id } });
  });

  it('refuses duplicates ignoring case, forbidden characters and 10,000 characters', async () => {
    await db.labels.add(makeLabel({ name: 'Urgent' }));
    const before = await snapshot();
    const dup = await createLabel(ctx, { name: ' URGENT ' }).catch((e: unknown) => e);
    expect((dup as ValidationError).fields.name).toBe('A label called “Urgent” already exists: add it from the list instead.');
    await expect(createLabel(ctx, { name: 'a,b' })).rejects.toThrow(/cannot contain “,”/);
    await expect(createLabel(ctx, { name: 'x'.repeat(10_000) })).rejects.toThrow(/at most 50 characters/);
    expect(await snapshot()).toEqual(before);
  });

  it('lets a manager create labels but refuses a limited manager', async () => {
    await expect(createLabel({ ...ctx, actorId: manager.id }, { name: 'Fine' })).resolves.toMatchObject({ name: 'Fine' });
    const before = await snapshot();
    await expect(createLabel({ ...ctx, actorId: limited.id }, { name: 'Nope' })).rejects.toThrow('Only owners and managers can create labels.');
    expect(await snapshot()).toEqual(before);
  });

  it('adds and removes existing labels, logging before and after', async () => {
    const [a, b] = [makeLabel(), makeLabel()];
    await db.labels.bulkAdd([a, b]);
    expect(await addLeadLabels({ ...ctx, actorId: limited.id }, [lead.id], [a.id, b.id])).toBe(1);
    expect(await addLeadLabels(ctx, [lead.id], [a.id])).toBe(0);
    expect(await removeLeadLabels(ctx, [lead.id], [a.id])).toBe(1);
    expect((await db.leads.get(lead.id))!.labels).toEqual([b.id]);
    const acts = await db.activities.orderBy('id').toArray();
    expect(acts.map((x) => [x.what, x.before, x.after])).toEqual([
      ['lead.labelAdded', { labels: [] }, { labels: [a.id, b.id] }],
      ['lead.labelRemoved', { labels: [a.id, b.id] }, { labels: [b.id] }],
    ]);
    expect(acts[0]!.actorId).toBe(limited.id);
  });

  it('refuses a label that does not exist', async () => {
    const before = await snapshot();
    await expect(addLeadLabels(ctx, [lead.id], ['gone'])).rejects.toThrow('That label no longer exists.');
    expect(await snapshot()).toEqual(before);
  });
});

describe('comments', () => {
  it('adds, edits and deletes your own comment, with activity and a tombstone', async () => {
    const c = await addComment(ctx, lead.id, '  Great on the phone  ');
    expect(await db.comments.get(c.id)).toEqual({ id: c.id, leadId: lead.id, authorId: self.id, body: 'Great on the phone', createdAt: NOW, updatedAt: NOW });
    const later = { ...ctx, now: () => NOW + 1000 };
    await editComment(later, c.id, 'Great on the phone, weak on Excel');
    expect(await db.comments.get(c.id)).toMatchObject({ body: 'Great on the phone, weak on Excel', editedAt: NOW + 1000 });
    await deleteComment(later, c.id);
    expect(await db.comments.get(c.id)).toBeUndefined();
    expect(await db.tombstones.get(`comments:${c.id}`)).toMatchObject({ table: 'comments', id: c.id, deletedAt: NOW + 1000 });
    const acts = await db.activities.orderBy('id').toArray();
    expect(acts.map((a) => a.what)).toEqual(['comment.added', 'comment.edited', 'comment.deleted']);
    expect(acts[1]!.before).toEqual({ commentId: c.id, body: 'Great on the phone' });
    expect((await db.outbox.toArray()).map((o) => o.mutation)).toEqual(
      expect.arrayContaining(['addComment', 'editComment', 'deleteComment']),
    );
  });

  it('only the author may edit or delete', async () => {
    const theirs = makeComment({ leadId: lead.id, authorId: manager.id, body: 'Mine' });
    await db.comments.add(theirs);
    const before = await snapshot();
    await expect(editComment(ctx, theirs.id, 'Hijacked')).rejects.toThrow('Only the author of a comment can edit it.');
    await expect(deleteComment(ctx, theirs.id)).rejects.toThrow('Only the author of a comment can delete it.');
    expect(await snapshot()).toEqual(before);
    await expect(editComment({ ...ctx, actorId: manager.id }, theirs.id, 'Mine, edited')).resolves.toMatchObject({ body: 'Mine, edited' });
  });

  it('refuses an empty comment and a comment on a deleted lead', async () => {
    const before = await snapshot();
    await expect(addComment(ctx, lead.id, '   ')).rejects.toThrow('A comment cannot be empty.');
    await expect(addComment(ctx, 'gone', 'hi')).rejects.toThrow('This application no longer exists.');
    expect(await snapshot()).toEqual(before);
  });
});

describe('deleteLead', () => {
  it('deletes the application and its comments; the person, the other application and the messages stay', async () => {
    const msgs = [makeMessage({ candidateId: person.id, leadId: lead.id }), makeMessage({ candidateId: person.id })];
    await db.messages.bulkAdd(msgs);
    const comment = makeComment({ leadId: lead.id, authorId: self.id });
    const otherComment = makeComment({ leadId: other.id, authorId: self.id });
    await db.comments.bulkAdd([comment, otherComment]);
    const seen = changes();
    await deleteLead(ctx, lead.id);
    expect(await db.leads.get(lead.id)).toBeUndefined();
    expect(await db.leads.get(other.id)).toEqual(other);
    expect(await db.candidates.get(person.id)).toEqual(stored(person));
    expect(await db.messages.count()).toBe(2);
    expect(await db.comments.toArray()).toEqual([otherComment]);
    expect((await db.tombstones.toArray()).map((t) => t.key).sort()).toEqual([`comments:${comment.id}`, `leads:${lead.id}`].sort());
    const [act] = await db.activities.toArray();
    expect(act).toMatchObject({
      what: 'lead.deleted',
      leadId: lead.id,
      before: { ref: lead.ref, name: 'Ana Reyes', candidateRef: person.ref, campaign: 'Barista' },
    });
    // Nothing of the deleted data beyond name and refs.
    expect(JSON.stringify(act)).not.toContain('ana@example.com');
    expect(JSON.stringify(act)).not.toContain('917');
    expect(seen[0]).toMatchObject({ mutation: 'deleteLead', deletedLeads: [lead.id], leads: [] });
    expect(await lastOutbox()).toMatchObject({ mutation: 'deleteLead', args: { leadId: lead.id } });
  });

  it('is refused to a manager, deleting nothing', async () => {
    const before = await snapshot();
    await expect(deleteLead({ ...ctx, actorId: manager.id }, lead.id)).rejects.toThrow('Only the workspace owner can delete candidates.');
    expect(await snapshot()).toEqual(before);
  });

  it('leaves nothing partial on a quota error', async () => {
    await db.comments.add(makeComment({ leadId: lead.id }));
    const before = await snapshot();
    db.tombstones.hook('creating', () => {
      throw quota();
    });
    await expect(deleteLead(ctx, lead.id)).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot()).toEqual(before);
  });
});

describe('erasePerson', () => {
  it('removes the person, every application, message, comment, attachment and activity; keeps an audit line without personal data', async () => {
    await db.leads.update(lead.id, { attachments: [makeAttachment()] });
    const stranger = makeCandidate();
    const strangerLead = makeLead({ candidateId: stranger.id });
    await db.candidates.add(stranger);
    await db.leads.add(strangerLead);
    const msgs = [makeMessage({ candidateId: person.id, attachments: [makeAttachment()] }), makeMessage({ candidateId: person.id })];
    const strangerMsg = makeMessage({ candidateId: stranger.id });
    await db.messages.bulkAdd([...msgs, strangerMsg]);
    const comments = [makeComment({ leadId: lead.id }), makeComment({ leadId: other.id })];
    await db.comments.bulkAdd(comments);
    await editCandidate(ctx, person.id, { email: 'ana.new@example.com' }, 'PH');
    expect(await erasureSummary(db, person.id)).toEqual({
      refs: [lead.ref, other.ref].sort(),
      leads: 2,
      messages: 2,
      comments: 2,
      attachments: 2,
      activities: 1,
    });

    const seen = changes();
    const counts = await erasePerson(ctx, person.id);
    expect(counts).toEqual({ leads: 2, messages: 2, comments: 2, attachments: 2, activities: 1 });
    expect(await db.candidates.toArray()).toEqual([stored(stranger)]);
    expect(await db.leads.toArray()).toEqual([strangerLead]);
    expect(await db.messages.toArray()).toEqual([strangerMsg]);
    expect(await db.comments.count()).toBe(0);
    const acts = await db.activities.toArray();
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ what: 'person.erased', actorId: self.id, after: counts });
    const text = JSON.stringify(acts);
    for (const pii of ['Ana', 'Reyes', 'ana@example.com', 'ana.new@example.com', '+639171234567']) expect(text).not.toContain(pii);
    const keys = (await db.tombstones.toArray()).map((t) => t.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        `candidates:${person.id}`,
        `leads:${lead.id}`,
        `leads:${other.id}`,
        ...msgs.map((m) => `messages:${m.id}`),
        ...comments.map((c) => `comments:${c.id}`),
      ]),
    );
    expect(keys).toHaveLength(1 + 2 + 2 + 2 + 1);
    expect(seen[0]).toMatchObject({ mutation: 'erasePerson', deletedCandidates: [person.id], candidates: [] });
    expect(seen[0]!.deletedLeads.sort()).toEqual([lead.id, other.id].sort());
    expect(await lastOutbox()).toMatchObject({ mutation: 'erasePerson', args: { candidateId: person.id } });
  });

  it('scrubs the person from earlier outbox records, keeping other people in the same record', async () => {
    const stranger = makeCandidate({ firstName: 'Bea', email: 'bea@example.com' });
    await insertDataset(ctx, { candidates: [stranger, { ...person, firstName: 'Ana' }] });
    await editCandidate(ctx, person.id, { email: 'ana.new@example.com' }, 'PH');
    await erasePerson(ctx, person.id);
    const outbox = JSON.stringify(await db.outbox.toArray());
    for (const pii of ['Reyes', 'ana@example.com', 'ana.new@example.com', '+639171234567']) expect(outbox).not.toContain(pii);
    expect(outbox).toContain('bea@example.com');
    expect(outbox).toContain(`{"id":"${person.id}","erased":true}`);
  });

  it('is refused to a manager, erasing nothing', async () => {
    await db.messages.add(makeMessage({ candidateId: person.id }));
    const before = await snapshot();
    await expect(erasePerson({ ...ctx, actorId: manager.id }, person.id)).rejects.toThrow('Only the workspace owner can erase a person.');
    expect(await snapshot()).toEqual(before);
  });

  it('leaves nothing partial on a quota error', async () => {
    await db.messages.add(makeMessage({ candidateId: person.id }));
    const before = await snapshot();
    db.activities.hook('creating', () => {
      throw quota();
    });
    await expect(erasePerson(ctx, person.id)).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot()).toEqual(before);
  });
});
