// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectThreadPerson } from '../thread';
import { fixtureField as field, loadThread as load } from '../../../tests/thread-fixtures';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

const BEN = { site: 'gmail', channel: 'email', name: 'Ben Cruz', phone: '', email: 'ben.cruz@example.org', profileUrl: '' };

describe('Gmail thread', () => {
  it('new compose with one recipient chip: its address (lower-cased) and name; not the inbox list', () => {
    const doc = load('gmail-compose-one-recipient-2026-11-28.html');
    expect(detectThreadPerson(doc, INBOX, field(doc, 'body'))).toEqual(BEN);
    expect(detectThreadPerson(doc, INBOX, field(doc, 'subject'))).toEqual(BEN);
    expect(detectThreadPerson(doc, INBOX)).toEqual(BEN);
  });

  it('a recipient chip with no name gives the address only', () => {
    const doc = load('gmail-compose-one-recipient-2026-11-28.html', { 'data-name="Ben Cruz"': 'data-name="ben.cruz@example.org"' });
    expect(detectThreadPerson(doc, INBOX)).toEqual({ ...BEN, name: '' });
  });

  it('compose with no recipient yet, or only the account owner: null', () => {
    const empty = load('gmail-compose-one-recipient-2026-11-28.html', { 'data-hovercard-id="Ben.Cruz@Example.org"': '' });
    expect(detectThreadPerson(empty, INBOX, field(empty, 'body'))).toBeNull();
    const toSelf = load('gmail-compose-one-recipient-2026-11-28.html', { 'Ben.Cruz@Example.org': 'Rita.Recruiter@example.com' });
    expect(detectThreadPerson(toSelf, INBOX, field(toSelf, 'body'))).toBeNull();
  });

  it('a send-as alias in the compose window\'s From field is the owner too', () => {
    const doc = load('gmail-compose-one-recipient-2026-11-28.html', {
      'Ben.Cruz@Example.org': 'talent@example.com',
      '<input type="hidden" name="subjectbox" value="">': '<input type="hidden" name="from" value="Northwind Talent &lt;talent@example.com&gt;">',
    });
    expect(detectThreadPerson(doc, INBOX, field(doc, 'body'))).toBeNull();
  });

  it('the owner is known from the tab title alone, and from the account button alone', () => {
    const titleOnly = load('gmail-compose-one-recipient-2026-11-28.html', {
      'Ben.Cruz@Example.org': 'rita.recruiter@example.com',
      'aria-label="Google Account: Rita Recruiter&#10;(rita.recruiter@example.com)"': 'aria-label="Google Account"',
    });
    expect(detectThreadPerson(titleOnly, INBOX)).toBeNull();
    const buttonOnly = load('gmail-compose-one-recipient-2026-11-28.html', {
      'Ben.Cruz@Example.org': 'rita.recruiter@example.com',
      '<title>Inbox (3) - rita.recruiter@example.com - Gmail</title>': '<title>Gmail</title>',
    });
    expect(detectThreadPerson(buttonOnly, INBOX)).toBeNull();
  });

  it('inline reply with collapsed recipients: the thread\'s last sender who is not the user', () => {
    const doc = load('gmail-inline-reply-2026-11-28.html');
    const ana = { site: 'gmail', channel: 'email', name: 'Ana Reyes', phone: '', email: 'ana.reyes@example.org', profileUrl: '' };
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmHvNplbTrfZtLsxCgRw';
    expect(detectThreadPerson(doc, url, field(doc, 'reply'))).toEqual(ana);
    expect(detectThreadPerson(doc, url)).toEqual(ana);
    // No sender but the user: anyone else named in the thread.
    const onlyMe = load('gmail-inline-reply-2026-11-28.html', { 'class="gD" email="ana.reyes@example.org"': 'class="gD" email="rita.recruiter@example.com"' });
    expect(detectThreadPerson(onlyMe, url, field(onlyMe, 'reply'))?.email).toBe('ana.reyes@example.org');
    // An address mentioned inside a message body is not a participant.
    const mentionOnly = load('gmail-inline-reply-2026-11-28.html', {
      'class="gD" email="ana.reyes@example.org"': 'class="gD" email="rita.recruiter@example.com"',
      'class="g2" email="ana.reyes@example.org"': 'class="g2" email="rita.recruiter@example.com"',
    });
    expect(detectThreadPerson(mentionOnly, url, field(mentionOnly, 'reply'))).toBeNull();
  });

  it('inline reply with expanded recipients: its own To chip wins over the thread', () => {
    const doc = load('gmail-inline-reply-2026-11-28.html', {
      '<span class="oL aDm">to Ana</span>': '<div class="anm" name="to"><div role="listbox"><div role="option" data-hovercard-id="kim.tan@example.net" data-name="Kim Tan"></div></div></div>',
    });
    expect(detectThreadPerson(doc, 'https://mail.google.com/mail/u/0/#inbox/x', field(doc, 'reply'))).toMatchObject({ name: 'Kim Tan', email: 'kim.tan@example.net' });
  });

  it('two compose windows: each its own; the older layout skips the owner (German account label); none without a field', () => {
    const doc = load('gmail-two-compose-2026-11-28.html');
    const url = 'https://mail.google.com/mail/u/1/#inbox';
    expect(detectThreadPerson(doc, url, field(doc, 'first'))).toMatchObject({ name: 'Kim Tan', email: 'kim.tan@example.net' });
    expect(detectThreadPerson(doc, url, field(doc, 'second'))).toMatchObject({ name: 'Ana Reyes', email: 'ana.reyes@example.org' });
    expect(detectThreadPerson(doc, url)).toBeNull();
  });

  it('last fallback: the "to" inputs\' values ("Name <email>")', () => {
    const doc = load('gmail-two-compose-2026-11-28.html', { ' email="': ' data-x="' });
    expect(detectThreadPerson(doc, 'https://mail.google.com/mail/u/1/', field(doc, 'first'))).toMatchObject({ name: 'Kim Tan', email: 'kim.tan@example.net' });
  });

  it('hostile display name: plain text, capped; the address loses its bidi marks', () => {
    const doc = load('gmail-hostile-2026-11-28.html', { NAME_PLACEHOLDER: 'D'.repeat(100 * 1024) });
    const person = detectThreadPerson(doc, INBOX, field(doc, 'body'));
    expect(person?.email).toBe('eve.hostile@example.org');
    expect(person?.name.startsWith('Eve <img src=x onerror=alert(1)> <script>alert(2)</script>Hacker DDD')).toBe(true);
    expect(person!.name.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(person)).not.toMatch(/[\u200B\u202A\u202C\u202E]/);
  });
});
