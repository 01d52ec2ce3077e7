import { describe, expect, it } from 'vitest';
import { parseCaptureMessage, parseMessage, senderMaySend } from './protocol';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('parseMessage', () => {
  it('accepts a jobs:run with an empty or absent payload', () => {
    expect(parseMessage({ type: 'jobs:run', payload: {} })).toEqual({ type: 'jobs:run', payload: {} });
    expect(parseMessage({ type: 'jobs:run' })).toEqual({ type: 'jobs:run', payload: {} });
  });

  it('refuses unknown types, wrong shapes and smuggled fields', () => {
    for (const raw of [
      null,
      'jobs:run',
      42,
      { type: 'settings:write', payload: {} },
      { type: 'jobs:run', payload: 'x' },
      { type: 'jobs:run', payload: { leadIds: ['a'] } },
      { type: '__proto__' },
      { type: 'leadside:e2e-wake' },
    ]) {
      expect(parseMessage(raw)).toBeNull();
    }
  });
});

describe('senderMaySend', () => {
  it('lets our own extension pages run jobs', () => {
    expect(senderMaySend('jobs:run', { id: ID, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN)).toBe(true);
  });

  it('refuses other extensions and content scripts in web pages', () => {
    expect(senderMaySend('jobs:run', { id: 'other', url: `chrome-extension://other/x.html` }, ID, ORIGIN)).toBe(false);
    expect(senderMaySend('jobs:run', { id: ID, url: 'https://www.linkedin.com/in/someone/', tabId: 7 }, ID, ORIGIN)).toBe(
      false,
    );
    expect(senderMaySend('jobs:run', {}, ID, ORIGIN)).toBe(false);
  });
});

const PERSON = {
  firstName: 'Ana',
  lastName: 'Reyes',
  headline: 'Recruiter',
  title: 'Talent Partner',
  company: 'Northwind',
  location: 'Makati',
  email: '',
  phone: '',
  profileUrl: 'https://www.linkedin.com/in/ana-reyes',
  about: 'I hire engineers.',
  websites: ['https://ana.example.org/'],
  photo: 'https://media.licdn.com/dms/image/ana.jpg',
};
const ADD = {
  type: 'capture:add',
  payload: {
    site: 'linkedin',
    person: PERSON,
    candidateId: null,
    campaign: { id: '01HZCAMPAIGN' },
    folderId: 'inbox',
    labelIds: ['01HZLABEL'],
    note: 'Met at the fair',
    pageUrl: 'https://www.linkedin.com/in/ana-reyes/',
  },
};

describe('parseCaptureMessage', () => {
  it('accepts the three capture messages', () => {
    expect(parseCaptureMessage(ADD)).toEqual(ADD);
    const lookup = { type: 'capture:lookup', payload: { site: 'facebook', profileUrl: 'https://www.facebook.com/x', email: '', phone: '' } };
    expect(parseCaptureMessage(lookup)).toEqual(lookup);
    expect(parseCaptureMessage({ type: 'capture:openPanel', payload: { leadId: '01HZLEAD' } })).toEqual({
      type: 'capture:openPanel',
      payload: { leadId: '01HZLEAD' },
    });
    const inline = { ...ADD, payload: { ...ADD.payload, campaign: { name: 'Nurses 2027' } } };
    expect(parseCaptureMessage(inline)).toEqual(inline);
  });

  it('refuses page messages, unknown types, extra or missing keys, wrong types and strings over their caps', () => {
    const bad: unknown[] = [
      null,
      { type: 'jobs:run', payload: {} },
      { type: 'capture:delete', payload: {} },
      { ...ADD, extra: 1 },
      { type: 'capture:add', payload: { ...ADD.payload, admin: true } },
      { type: 'capture:add', payload: { ...ADD.payload, site: 'twitter' } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, firstName: 'x'.repeat(101) } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, headline: 'x'.repeat(1024 * 1024) } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, email: 42 } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, about: 'x'.repeat(2001) } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, title: 'x'.repeat(201) } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, photo: `https://media.licdn.com/${'x'.repeat(2048)}` } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, websites: 'https://ana.example.org/' } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, websites: [42] } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, websites: Array.from({ length: 6 }, (_, i) => `https://s${i}.example/`) } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: { ...PERSON, websites: [`https://x.example/${'x'.repeat(2048)}`] } } },
      { type: 'capture:add', payload: { ...ADD.payload, person: (({ about: _about, ...rest }) => rest)(PERSON) } },
      { type: 'capture:add', payload: { ...ADD.payload, note: 'x'.repeat(5001) } },
      { type: 'capture:add', payload: { ...ADD.payload, folderId: '../../etc' } },
      { type: 'capture:add', payload: { ...ADD.payload, labelIds: Array.from({ length: 51 }, (_, i) => `l${i}`) } },
      { type: 'capture:add', payload: { ...ADD.payload, campaign: { name: '   ' } } },
      { type: 'capture:add', payload: { ...ADD.payload, campaign: { id: 'a', name: 'b' } } },
      { type: 'capture:openPanel', payload: { leadId: '' } },
      { type: 'capture:openPanel', payload: JSON.parse('{"leadId":"a","__proto__":{"x":1}}') as unknown },
    ];
    for (const raw of bad) expect(parseCaptureMessage(raw)).toBeNull();
  });
});

describe('senderMaySend for capture messages', () => {
  it('only our content scripts in LinkedIn and Facebook tabs', () => {
    const tab = (url: string) => ({ id: ID, url, tabId: 3 });
    expect(senderMaySend('capture:add', tab('https://www.linkedin.com/in/ana/'), ID, ORIGIN)).toBe(true);
    expect(senderMaySend('capture:lookup', tab('https://www.facebook.com/ana'), ID, ORIGIN)).toBe(true);
    expect(senderMaySend('capture:add', tab('https://evil.example/in/ana/'), ID, ORIGIN)).toBe(false);
    expect(senderMaySend('capture:add', tab('https://www.linkedin.com.evil.example/'), ID, ORIGIN)).toBe(false);
    expect(senderMaySend('capture:add', tab('http://www.linkedin.com/in/ana/'), ID, ORIGIN)).toBe(false);
    expect(senderMaySend('capture:add', { id: 'other', url: 'https://www.linkedin.com/in/ana/', tabId: 3 }, ID, ORIGIN)).toBe(false);
    expect(senderMaySend('capture:add', { id: ID, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN)).toBe(false);
    // A content script may still never run jobs.
    expect(senderMaySend('jobs:run', tab('https://www.linkedin.com/in/ana/'), ID, ORIGIN)).toBe(false);
  });
});
