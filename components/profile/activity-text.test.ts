import { describe, expect, it } from 'vitest';
import { makeActivity } from '../../tests/factories';
import { describeActivity, type ActivityNames } from './activity-text';

const names: ActivityNames = {
  user: (id) => (id === 'me' ? 'You' : id === 'system' ? 'Leadside' : 'Bea'),
  folder: (id) => ({ inbox: 'Inbox', hired: 'Hired' })[id] ?? 'Unknown',
  label: (id) => ({ l1: 'Urgent', l2: 'Night owl' })[id] ?? 'a deleted label',
  attribute: (key) => (key === 'from' ? 'Available from' : key),
};

describe('describeActivity', () => {
  it('names folders of a move', () => {
    const a = makeActivity({ actorId: 'system', what: 'lead.moved', before: { folderId: 'inbox' }, after: { folderId: 'hired' } });
    expect(describeActivity(a, names)).toEqual({ who: 'Leadside', text: 'moved this application from Inbox to Hired', details: [] });
  });

  it('names only the labels that changed', () => {
    const a = makeActivity({ actorId: 'me', what: 'lead.labelAdded', before: { labels: ['l1'] }, after: { labels: ['l1', 'l2'] } });
    expect(describeActivity(a, names).text).toBe('added label “Night owl”');
    const r = makeActivity({ actorId: 'me', what: 'lead.labelRemoved', before: { labels: ['l1', 'l2'] }, after: { labels: [] } });
    expect(describeActivity(r, names).text).toBe('removed labels “Urgent”, “Night owl”');
  });

  it('lists each edited field before → after, phones formatted, attributes by label', () => {
    const a = makeActivity({
      actorId: 'u2',
      what: 'candidate.edited',
      before: { phone: '+639171234567', email: null },
      after: { phone: '+447911123456', email: 'a@b.co' },
    });
    expect(describeActivity(a, names)).toEqual({
      who: 'Bea',
      text: 'edited Phone, Email',
      details: ['Phone: +63 917 123 4567 → +44 7911 123456', 'Email: (empty) → a@b.co'],
    });
    const l = makeActivity({ what: 'lead.edited', before: { 'attributes.from': null }, after: { 'attributes.from': '2025-03-31' } });
    expect(describeActivity(l, names).details).toEqual(['Available from: (empty) → 2025-03-31']);
  });

  it('describes assignment, do not contact and deletion without dumping objects', () => {
    const assign = makeActivity({ what: 'lead.assigned', before: { assignedTo: null }, after: { assignedTo: 'u2' } });
    expect(describeActivity(assign, names)).toMatchObject({ text: 'assigned this application to Bea', details: ['Recruiter: nobody → Bea'] });
    const dnc = makeActivity({ what: 'candidate.doNotContact', after: { doNotContact: { at: 1, reason: 'Opted out' } } });
    expect(describeActivity(dnc, names).details).toEqual(['Reason: Opted out']);
    const del = makeActivity({ what: 'lead.deleted', before: { ref: 'A-10001', campaign: { odd: true } } });
    expect(describeActivity(del, names).text).toBe('deleted application A-10001 ({"odd":true})');
  });
});
