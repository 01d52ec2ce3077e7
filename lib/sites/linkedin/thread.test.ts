// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectThreadPerson } from '../thread';
import { fixtureField as field, loadThread as load } from '../../../tests/thread-fixtures';

const THREAD = 'https://www.linkedin.com/messaging/thread/2-YWJjZGVmMTIzNDU2Nzg5MA==/';
const FEED = 'https://www.linkedin.com/feed/';

const ANA = {
  site: 'linkedin',
  channel: 'linkedin',
  name: 'Ana Reyes',
  phone: '',
  email: '',
  profileUrl: 'https://www.linkedin.com/in/ana-reyes-12ab',
};

describe('LinkedIn thread', () => {
  it('messaging page: the title bar\'s member link (canonical) and name without credentials or screen-reader text', () => {
    const doc = load('linkedin-thread-page-2026-11-28.html');
    expect(detectThreadPerson(doc, THREAD, field(doc, 'composer'))).toEqual(ANA);
    expect(detectThreadPerson(doc, THREAD)).toEqual(ANA);
  });

  it('the nav search box is not a conversation', () => {
    const doc = load('linkedin-thread-page-2026-11-28.html');
    expect(detectThreadPerson(doc, THREAD, field(doc, 'search'))).toBeNull();
  });

  it('fallbacks without LinkedIn\'s classes: the nearest title bar (header) linking one member, its h2 as the name', () => {
    const doc = load('linkedin-overlay-two-bubbles-2026-11-28.html', {
      'msg-overlay-conversation-bubble': 'bubble',
      'profile-card-one-to-one__profile-link': 'x',
      'msg-overlay-bubble-header__title': 'y',
    });
    expect(detectThreadPerson(doc, FEED, field(doc, 'ben'))).toMatchObject({ name: 'Ben Cruz', profileUrl: 'https://www.linkedin.com/in/ben-cruz-77' });
    expect(detectThreadPerson(doc, FEED, field(doc, 'ana'))).toEqual(ANA);
  });

  it('messaging page without the thread\'s classes: its main region', () => {
    const doc = load('linkedin-thread-page-2026-11-28.html', { 'msg-convo-wrapper msg-thread': 'thread' });
    expect(detectThreadPerson(doc, THREAD)).toEqual(ANA);
  });

  it('two bubbles: the one holding the field; no field is ambiguous; the feed\'s comment box is nobody', () => {
    const doc = load('linkedin-overlay-two-bubbles-2026-11-28.html');
    expect(detectThreadPerson(doc, FEED, field(doc, 'ana'))).toEqual(ANA);
    expect(detectThreadPerson(doc, FEED, field(doc, 'ben'))).toEqual({ ...ANA, name: 'Ben Cruz', profileUrl: 'https://www.linkedin.com/in/ben-cruz-77' });
    expect(detectThreadPerson(doc, FEED)).toBeNull();
    expect(detectThreadPerson(doc, FEED, field(doc, 'post'))).toBeNull();
    doc.querySelectorAll('.msg-overlay-conversation-bubble')[1]!.remove();
    expect(detectThreadPerson(doc, 'https://www.linkedin.com/in/kim-tan-77/')).toEqual(ANA);
  });

  it('never the user: a thread whose title bar links to the user, or shows only their name', () => {
    const self = load('linkedin-thread-page-2026-11-28.html', { 'https://www.linkedin.com/in/Ana-Reyes-12ab': '/in/rita-recruiter-01/' });
    expect(detectThreadPerson(self, THREAD)).toBeNull();
    const nameOnly = load('linkedin-thread-page-2026-11-28.html', {
      'href="https://www.linkedin.com/in/Ana-Reyes-12ab"': 'href="#"',
      'Ana Reyes, MBA': 'Rita Recruiter',
    });
    expect(detectThreadPerson(nameOnly, THREAD)).toBeNull();
  });

  it('a group thread (several members in the title bar) is nobody', () => {
    const doc = load('linkedin-thread-page-2026-11-28.html', {
      '<div class="msg-entity-lockup__entity-info">': '<a href="/in/ben-cruz-77/">Ben Cruz</a><div class="msg-entity-lockup__entity-info">',
    });
    expect(detectThreadPerson(doc, THREAD)).toBeNull();
  });

  it('hostile name: plain text, capped', () => {
    const doc = load('linkedin-hostile-2026-11-28.html', { NAME_PLACEHOLDER: 'C'.repeat(100 * 1024) });
    const person = detectThreadPerson(doc, FEED, field(doc, 'composer'));
    expect(person?.profileUrl).toBe('https://www.linkedin.com/in/eve-hostile');
    expect(person?.name.startsWith('Eve <img src=x onerror=alert(1)> <script>alert(2)</script>Hacker CCC')).toBe(true);
    expect(person!.name.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(person)).not.toMatch(/[\u200B\u202E]/);
  });
});
