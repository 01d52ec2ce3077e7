// fake-indexeddb in the node environment (DESIGN §7).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCandidate, makeDb, makeUser } from '../../tests/factories';
import { sendMessage } from '../db/mutations/messages';
import type { LeadsideDB } from '../db/schema';
import type { PagePerson } from '../messaging/quick-reply-protocol';
import { matchByName, matchPerson } from './quick-reply-handler';

let db: LeadsideDB;
const nobody: PagePerson = { site: 'whatsapp', channel: 'whatsapp', name: '', phone: '', email: '', profileUrl: '' };

beforeEach(async () => {
  db = makeDb();
  await db.users.add(makeUser({ id: 'me', role: 'owner', isSelf: true }));
  await db.candidates.bulkAdd([
    makeCandidate({ id: 'maria', firstName: 'María', lastName: 'Santos', phone: '+639171234567', email: 'maria@example.com' }),
    makeCandidate({ id: 'jo', firstName: 'Jo', lastName: 'Lee', linkedinUrl: 'https://www.linkedin.com/in/jolee' }),
    makeCandidate({ id: 'ana1', firstName: 'Ana', lastName: 'Cruz' }),
    makeCandidate({ id: 'ana2', firstName: 'Ana', lastName: 'Cruz' }),
  ]);
});

afterEach(async () => {
  await db.delete();
});

describe('matchPerson', () => {
  it('finds the candidate by profile link, email (any case) or phone as the page writes it', async () => {
    expect((await matchPerson(db, { ...nobody, site: 'linkedin', profileUrl: 'https://www.linkedin.com/in/JoLee/?miniProfile=1' }, 'PH'))?.id).toBe('jo');
    expect((await matchPerson(db, { ...nobody, site: 'gmail', email: 'Maria@Example.com' }, 'PH'))?.id).toBe('maria');
    expect((await matchPerson(db, { ...nobody, phone: '+63 917 123 4567' }, 'PH'))?.id).toBe('maria');
    expect((await matchPerson(db, { ...nobody, phone: '09171234567' }, 'PH'))?.id).toBe('maria');
  });

  it('trusts a name only when exactly one candidate has it', async () => {
    expect((await matchByName(db, 'maria  santos'))?.id).toBe('maria');
    expect(await matchByName(db, 'Ana Cruz')).toBeNull();
    expect(await matchByName(db, 'Jo')).toBeNull();
    // Indexed lookups never guess from the name.
    expect(await matchPerson(db, { ...nobody, name: 'María Santos', phone: '+15550000000' }, 'PH')).toBeNull();
  });
});

describe('logging a reply inserted on another site', () => {
  it('logs the rendered text as it is, under LinkedIn too, and keeps the duplicate guard', async () => {
    const ctx = { db, actorId: 'me', now: () => 1_000 };
    const message = await sendMessage(ctx, { candidateId: 'jo', channel: 'linkedin', body: 'Hi {{Jo}}, thanks' }, { preRendered: true });
    expect(message).toMatchObject({ channel: 'linkedin', body: 'Hi {{Jo}}, thanks', status: 'handed_off', direction: 'outbound' });
    await expect(sendMessage(ctx, { candidateId: 'jo', channel: 'linkedin', body: 'Hi {{Jo}}, thanks' }, { preRendered: true })).rejects.toThrow(
      /Duplicate Message/i,
    );
    // The composer's own sends still refuse LinkedIn (no hand-off link exists for it).
    await expect(sendMessage(ctx, { candidateId: 'jo', channel: 'linkedin', body: 'Other text' })).rejects.toThrow(/Choose a channel/);
  });
});
