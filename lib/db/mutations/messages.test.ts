// Attachments are Blobs: this file runs in the node environment (DESIGN §7, fake-indexeddb).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCampaign, makeCandidate, makeDb, makeLead, makeMessage, makeUser } from '../../../tests/factories';
import type { Candidate, Lead } from '../../domain/model';
import { UserError } from '../errors';
import type { MutationContext } from '../mutate';
import type { LeadsideDB } from '../schema';
import {
  createQuickReply,
  deleteQuickReply,
  MAX_ATTACHMENT_BYTES,
  prepareMessage,
  quickRepliesFor,
  sendMessage,
  unreachableReason,
  updateQuickReply,
} from './messages';

let db: LeadsideDB;
let ctx: MutationContext;
let candidate: Candidate;
let lead: Lead;
const NOW = Date.UTC(2024, 5, 3, 9);
const ME = 'user_me';

beforeEach(async () => {
  db = makeDb();
  ctx = { db, actorId: ME, now: () => NOW };
  await db.workspaces.add({ id: 'ws', name: 'Acme BPO', createdAt: 0, updatedAt: 0 });
  await db.users.bulkAdd([
    makeUser({ id: ME, name: 'Rhea Cruz', email: 'rhea@acme.test', role: 'owner', isSelf: true }),
    makeUser({ id: 'user_lm', name: 'Lim', email: 'lim@acme.test', role: 'limited_manager' }),
  ]);
  const campaign = makeCampaign({ id: 'camp1', name: 'Night Shift Agent' });
  await db.campaigns.add(campaign);
  candidate = makeCandidate({ id: 'cand1', firstName: 'Maria', lastName: 'Santos', phone: '+639171234567' });
  await db.candidates.add(candidate);
  lead = makeLead({ id: 'lead1', candidateId: 'cand1', campaignId: 'camp1', lastActivityAt: NOW - 1000 });
  await db.leads.add(lead);
});

afterEach(async () => {
  await db.delete();
});

const draft = (body: string, extra = {}) => ({ candidateId: 'cand1', leadId: 'lead1', channel: 'whatsapp' as const, body, ...extra });

async function refusal(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as Error).message;
}

describe('sendMessage', () => {
  it('renders tokens, logs a handed-off outbound message and bumps the lead', async () => {
    const m = await sendMessage(ctx, draft('Hi {{candidate_name}}, about <%= @job_title %> at {{company_name}} — {{recruiter_name}}'));
    expect(m).toMatchObject({
      direction: 'outbound',
      sender: 'recruiter',
      senderUserId: ME,
      channel: 'whatsapp',
      kind: 'text',
      status: 'handed_off',
      leadId: 'lead1',
      body: 'Hi Maria, about Night Shift Agent at Acme BPO — Rhea Cruz',
      sentAt: NOW,
    });
    expect(await db.messages.count()).toBe(1);
    expect((await db.leads.get('lead1'))!.lastActivityAt).toBe(NOW);
    const [record] = await db.outbox.toArray();
    expect(record).toMatchObject({ mutation: 'sendMessage', actorId: ME });
  });

  it('keeps the subject of an email and the attachments as Blobs', async () => {
    await db.candidates.update('cand1', { email: 'maria@example.com' });
    const blob = new Blob(['%PDF-1.4 hello'], { type: 'application/pdf' });
    const m = await sendMessage(
      ctx,
      draft('See attached', { channel: 'email', subject: 'For {{candidate_full_name}}', attachments: [{ id: 'att1', name: 'cv.pdf', type: 'application/pdf', size: blob.size, blob }] }),
    );
    expect(m).toMatchObject({ subject: 'For Maria Santos', kind: 'file' });
    const stored = (await db.messages.get(m.id))!;
    expect(stored.attachments[0]!.blob).toBeInstanceOf(Blob);
    expect(await stored.attachments[0]!.blob!.text()).toBe('%PDF-1.4 hello');
    // The outbox carries no bytes.
    expect(JSON.stringify((await db.outbox.toArray())[0]!.args)).not.toContain('blob');
  });

  it('refuses an attachment over the limit before storing anything', async () => {
    const msg = await refusal(
      sendMessage(ctx, draft('x', { attachments: [{ id: 'a', name: 'big.zip', type: 'application/zip', size: MAX_ATTACHMENT_BYTES + 1 }] })),
    );
    expect(msg).toMatch(/big\.zip.*limited to 10\.0 MB/);
    expect(await db.messages.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a duplicate, and allows it after a reply', async () => {
    await sendMessage(ctx, draft('Are you free  tomorrow?'));
    const msg = await refusal(sendMessage({ ...ctx, now: () => NOW + 1 }, { ...draft(' Are you free\ntomorrow? '), channel: 'sms' }));
    expect(msg).toBe('Duplicate Message: this is the same text as your last message to Maria Santos. Edit it before sending.');
    await db.messages.add(makeMessage({ candidateId: 'cand1', direction: 'inbound', sender: 'candidate', body: 'yes', sentAt: NOW + 2 }));
    await sendMessage({ ...ctx, now: () => NOW + 3 }, draft('Are you free tomorrow?'));
    expect(await db.messages.count()).toBe(3);
  });

  it('refuses a Do-not-contact candidate', async () => {
    await db.candidates.update('cand1', { doNotContact: { at: 1, reason: 'Asked not to be contacted' } });
    expect(await refusal(sendMessage(ctx, draft('Hi')))).toMatch(/Maria Santos is marked Do not contact \(Asked not to be contacted\)/);
    expect(await db.messages.count()).toBe(0);
  });

  it('refuses unknown tokens and tokens without a value, but takes fallbacks', async () => {
    expect(await refusal(sendMessage(ctx, draft('Hi {{nickname}}')))).toMatch(/Unknown token: nickname/);
    await db.candidates.update('cand1', { firstName: '' });
    expect(await refusal(prepareMessage(db, ME, draft('Hi {{candidate_name}}')))).toMatch(/No value for this candidate: candidate_name/);
    expect((await prepareMessage(db, ME, draft('Hi {{candidate_name | "there"}}'))).text).toBe('Hi there');
    expect(await db.messages.count()).toBe(0);
  });

  it('uses the most recent lead when the chat was not opened from one', async () => {
    await db.campaigns.add(makeCampaign({ id: 'camp2', name: 'Team Lead' }));
    await db.leads.add(makeLead({ id: 'lead2', candidateId: 'cand1', campaignId: 'camp2', addedAt: lead.addedAt + 10 }));
    const p = await prepareMessage(db, ME, { candidateId: 'cand1', channel: 'sms', body: '{{campaign_name}}' });
    expect(p.text).toBe('Team Lead');
  });

  it('checks the role, the channel and the text', async () => {
    expect(await refusal(sendMessage({ ...ctx, actorId: 'nobody' }, draft('Hi')))).toMatch(/does not allow sending/);
    expect(await refusal(sendMessage(ctx, draft('   ')))).toMatch(/Write a message/);
    expect(await refusal(sendMessage(ctx, draft('x'.repeat(20_001))))).toMatch(/limit is 20,000/);
    expect(await refusal(sendMessage(ctx, { ...draft('Hi'), channel: 'linkedin' }))).toMatch(/Choose a channel/);
  });

  it('says why a channel cannot reach someone', () => {
    expect(unreachableReason(candidate, 'whatsapp')).toBeNull();
    expect(unreachableReason(candidate, 'email')).toBe('No email address on file');
    expect(unreachableReason({ ...candidate, phone: undefined }, 'sms')).toBe('No phone number on file');
    expect(unreachableReason({ ...candidate, facebookUrl: 'https://www.facebook.com/maria.s' }, 'facebook')).toBeNull();
    expect(unreachableReason(candidate, 'facebook')).toBe('No Facebook profile on file');
  });
});

describe('quick replies', () => {
  const qr = { title: ' Invite ', body: 'Hi {{candidate_name}}', channels: ['sms' as const, 'whatsapp' as const], personal: false };

  it('creates, edits and deletes (with a tombstone)', async () => {
    const created = await createQuickReply(ctx, qr);
    expect(created).toMatchObject({ title: 'Invite', body: 'Hi {{candidate_name}}', channels: ['sms', 'whatsapp'] });
    const edited = await updateQuickReply(ctx, created.id, { ...qr, title: 'Invite 2', personal: true });
    expect(edited).toMatchObject({ title: 'Invite 2', ownerId: ME });
    expect((await quickRepliesFor(db, ME)).map((q) => q.title)).toEqual(['Invite 2']);
    expect(await quickRepliesFor(db, 'someone else')).toEqual([]);
    await deleteQuickReply(ctx, created.id);
    expect(await db.quickReplies.count()).toBe(0);
    expect(await db.tombstones.count()).toBe(1);
  });

  it('saves a broken token only when the warning was acknowledged', async () => {
    expect(await refusal(createQuickReply(ctx, { ...qr, body: 'Hi {{candidate_name' }))).toMatch(/Incomplete token.*would not get this text/);
    expect(await refusal(createQuickReply(ctx, { ...qr, body: 'Hi {{nick}}' }))).toMatch(/Unknown token: nick/);
    expect(await db.quickReplies.count()).toBe(0);
    await createQuickReply(ctx, { ...qr, body: 'Hi {{nick}}' }, { acknowledgeTokenProblems: true });
    expect(await db.quickReplies.count()).toBe(1);
  });

  it('lets a Limited Manager use but not manage them', async () => {
    const lm = { ...ctx, actorId: 'user_lm' };
    expect(await refusal(createQuickReply(lm, qr))).toMatch(/Only owners and managers/);
    expect(await refusal(createQuickReply(ctx, qr, { actingRole: 'limited_manager' }))).toMatch(/Only owners and managers/);
    const created = await createQuickReply(ctx, qr);
    expect(await refusal(deleteQuickReply(lm, created.id))).toMatch(/Only owners and managers/);
    expect(await quickRepliesFor(db, 'user_lm')).toHaveLength(1);
    await sendMessage(lm, draft(created.body));
  });

  it('needs a title, a body and a channel', async () => {
    expect(await refusal(createQuickReply(ctx, { ...qr, title: ' ' }))).toMatch(/title/);
    expect(await refusal(createQuickReply(ctx, { ...qr, body: '' }))).toMatch(/text/);
    expect(await refusal(createQuickReply(ctx, { ...qr, channels: [] }))).toMatch(/channel/);
  });
});
