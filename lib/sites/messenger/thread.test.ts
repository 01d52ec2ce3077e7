// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectThreadPerson } from '../thread';
import { fixtureField as field, loadThread as load } from '../../../tests/thread-fixtures';

const MESSENGER_COM = 'https://www.messenger.com/t/100055555555555/';
const FB_MESSAGES = 'https://www.facebook.com/messages/e2ee/t/7712345678901234/';
const FB_HOME = 'https://www.facebook.com/';

describe('Messenger thread', () => {
  it('messenger.com: the header link\'s profile and aria-label; not the viewer, senders or mentions in the messages', () => {
    const doc = load('messenger-messenger-com-thread-2026-11-28.html');
    const person = {
      site: 'messenger',
      channel: 'facebook',
      name: 'Ana Reyes',
      phone: '',
      email: '',
      profileUrl: 'https://www.facebook.com/ana.reyes.demo',
    };
    expect(detectThreadPerson(doc, MESSENGER_COM, field(doc, 'composer'))).toEqual(person);
    expect(detectThreadPerson(doc, MESSENGER_COM)).toEqual(person);
  });

  it('facebook.com/messages (e2ee): relative profile.php?id= link, the name from the heading', () => {
    const doc = load('messenger-facebook-messages-thread-2026-11-28.html');
    expect(detectThreadPerson(doc, FB_MESSAGES, field(doc, 'composer'))).toEqual({
      site: 'messenger',
      channel: 'facebook',
      name: 'Kim Tan',
      phone: '',
      email: '',
      profileUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
    });
  });

  it('name fallback: the conversation region\'s label when there is no heading', () => {
    const doc = load('messenger-facebook-messages-thread-2026-11-28.html', { '<h2 dir="auto"><span>Kim Tan</span></h2>': '' });
    expect(detectThreadPerson(doc, FB_MESSAGES)).toMatchObject({ name: 'Kim Tan', profileUrl: 'https://www.facebook.com/profile.php?id=100012345678901' });
  });

  it('a conversation with yourself, or a group (several people in the header), is nobody', () => {
    const self = load('messenger-messenger-com-thread-2026-11-28.html', { 'https://www.facebook.com/ana.reyes.demo/': 'https://www.facebook.com/victor.viewer', 'Ana Reyes': 'Victor Viewer' });
    expect(detectThreadPerson(self, MESSENGER_COM)).toBeNull();
    const group = load('messenger-messenger-com-thread-2026-11-28.html', {
      '<span dir="auto">Active now</span>': '<a href="https://www.facebook.com/ben.cruz.demo" role="link">Ben Cruz</a>',
    });
    expect(detectThreadPerson(group, MESSENGER_COM)).toBeNull();
  });

  it('no conversation open: null', () => {
    const doc = new DOMParser().parseFromString('<div role="navigation" aria-label="Chats"><a href="/t/1/">Ana</a></div>', 'text/html');
    expect(detectThreadPerson(doc, 'https://www.messenger.com/')).toBeNull();
  });

  it('hostile name: plain text, capped; javascript: links are not profiles', () => {
    const doc = load('messenger-hostile-2026-11-28.html', { NAME_PLACEHOLDER: 'B'.repeat(100 * 1024) });
    const person = detectThreadPerson(doc, 'https://www.messenger.com/t/100077777777777/', field(doc, 'composer'));
    expect(person?.profileUrl).toBe('https://www.facebook.com/mallory.hostile');
    expect(person?.name.startsWith('Mallory <img src=x onerror=alert(3)> <script>alert(4)</script>Evil BBB')).toBe(true);
    expect(person!.name.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(person)).not.toMatch(/[\u200D\u202E]/);
  });
});

describe('Facebook chat pop-ups', () => {
  it('two pop-ups open: the one holding the field', () => {
    const doc = load('facebook-chat-popups-2026-11-28.html');
    expect(detectThreadPerson(doc, FB_HOME, field(doc, 'ana'))).toEqual({
      site: 'facebook',
      channel: 'facebook',
      name: 'Ana Reyes',
      phone: '',
      email: '',
      profileUrl: 'https://www.facebook.com/ana.reyes.demo',
    });
    expect(detectThreadPerson(doc, 'https://www.facebook.com/groups/123/', field(doc, 'kim'))).toMatchObject({
      site: 'facebook',
      name: 'Kim Tan',
      profileUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
    });
  });

  it('without a field, two pop-ups are ambiguous and one is not; a field outside any chat is nobody', () => {
    const doc = load('facebook-chat-popups-2026-11-28.html');
    expect(detectThreadPerson(doc, FB_HOME)).toBeNull();
    expect(detectThreadPerson(doc, FB_HOME, field(doc, 'post'))).toBeNull();
    doc.querySelector('[role="dialog"][aria-label="Kim Tan"]')!.remove();
    expect(detectThreadPerson(doc, FB_HOME)?.name).toBe('Ana Reyes');
  });

  it('pop-up fallback without roles: the nearest ancestor whose header links one person', () => {
    const doc = load('facebook-chat-popups-2026-11-28.html', { 'role="dialog"': 'data-was-dialog' });
    expect(detectThreadPerson(doc, FB_HOME, field(doc, 'kim'))?.profileUrl).toBe('https://www.facebook.com/profile.php?id=100012345678901');
    expect(detectThreadPerson(doc, FB_HOME, field(doc, 'ana'))?.name).toBe('Ana Reyes');
    expect(detectThreadPerson(doc, FB_HOME, field(doc, 'post'))).toBeNull();
  });
});
