import { describe, expect, it } from 'vitest';
import { makeAttachment, makeCandidate, makeLead } from '../../tests/factories';
import { REACH, candidateView, leadEntry, missingCandidate } from './entry';

describe('candidateView', () => {
  it('keeps what the list shows and folds what search reads', () => {
    const c = makeCandidate({
      ref: 'C-3311',
      firstName: 'José',
      lastName: 'Müller',
      email: 'Jose.Muller@Example.com',
      phone: '+639171234567',
      photo: 'data:image/png;base64,AA==',
      location: 'Parañaque, Metro Manila',
      externalId: 'EXT-77',
    });
    const view = candidateView(c);
    expect(view).toMatchObject({
      id: c.id,
      ref: 'C-3311',
      firstName: 'José',
      lastName: 'Müller',
      email: 'Jose.Muller@Example.com',
      phone: '+639171234567',
      photo: 'data:image/png;base64,AA==',
      location: 'paranaque, metro manila',
      externalId: 'EXT-77',
      doNotContact: false,
    });
    for (const key of ['jose muller', 'jose.muller@example.com', 'c-3311', 'ext-77']) expect(view.text).toContain(key);
    expect(view.text).toBe(view.text.toLowerCase());
  });

  it('holds both the national and the full international digits of the phone', () => {
    const view = candidateView(makeCandidate({ phone: '+390612345678' }));
    expect(view.digits.split(' ')).toEqual(['0612345678', '390612345678']);
    expect(candidateView(makeCandidate()).digits).toBe('');
  });

  it('sets a reach bit per channel the candidate can be contacted on', () => {
    expect(candidateView(makeCandidate()).reach).toBe(0);
    expect(candidateView(makeCandidate({ phone: '+14155552671' })).reach).toBe(REACH.phone);
    expect(candidateView(makeCandidate({ email: 'a@b.co' })).reach).toBe(REACH.email);
    expect(candidateView(makeCandidate({ facebookUrl: 'https://www.facebook.com/x' })).reach).toBe(REACH.facebook);
    expect(candidateView(makeCandidate({ linkedinUrl: 'https://www.linkedin.com/in/x' })).reach).toBe(REACH.linkedin);
    const all = candidateView(
      makeCandidate({
        phone: '+14155552671',
        email: 'a@b.co',
        facebookUrl: 'https://www.facebook.com/x',
        linkedinUrl: 'https://www.linkedin.com/in/x',
      }),
    );
    expect(all.reach).toBe(REACH.phone | REACH.email | REACH.facebook | REACH.linkedin);
  });

  it('marks a candidate who opted out', () => {
    expect(candidateView(makeCandidate({ doNotContact: { at: 1, reason: 'asked' } })).doNotContact).toBe(true);
  });
});

describe('missingCandidate', () => {
  it('stands in with a readable name and no contact', () => {
    const view = missingCandidate('cand_gone');
    expect(view).toMatchObject({ id: 'cand_gone', firstName: 'Unknown', lastName: 'candidate', reach: 0, digits: '' });
  });
});

describe('leadEntry', () => {
  it('projects a lead with its candidate', () => {
    const cand = candidateView(makeCandidate());
    const lead = makeLead({
      ref: 'A-10423',
      candidateId: cand.id,
      folderId: 'shortlisted',
      source: 'Referral',
      labels: ['l1', 'l2'],
      assignedTo: 'user_1',
      attributes: { shift: 'Night' },
      addedAt: 1000,
      lastActivityAt: 2000,
      externalId: 'ATS-555',
      attachments: [makeAttachment()],
    });
    expect(leadEntry(lead, cand)).toEqual({
      id: lead.id,
      ref: 'A-10423',
      candidate: cand,
      campaignId: lead.campaignId,
      folderId: 'shortlisted',
      source: 'Referral',
      labels: ['l1', 'l2'],
      assignedTo: 'user_1',
      hasAttachment: true,
      attributes: { shift: 'Night' },
      addedAt: 1000,
      lastActivityAt: 2000,
      leadText: 'a-10423\nats-555',
      text: `a-10423\nats-555\n${cand.text}`,
    });
  });

  it('treats a missing assignee as null and no attachments as false', () => {
    const entry = leadEntry(makeLead(), candidateView(makeCandidate()));
    expect(entry.assignedTo).toBeNull();
    expect(entry.hasAttachment).toBe(false);
  });
});
