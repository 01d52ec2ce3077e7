// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectThreadPerson, threadSiteOf, type ThreadSite } from './thread';

const SITES: [string, ThreadSite][] = [
  ['https://web.whatsapp.com/', 'whatsapp'],
  ['https://web.whatsapp.com/send?phone=639171234567', 'whatsapp'],
  ['https://www.messenger.com/t/100055555555555/', 'messenger'],
  ['https://www.messenger.com/e2ee/t/7712345678901234', 'messenger'],
  ['https://messenger.com/t/100055555555555', 'messenger'],
  ['https://www.facebook.com/messages/t/100055555555555/', 'messenger'],
  ['https://www.facebook.com/messages/e2ee/t/7712345678901234/', 'messenger'],
  ['https://web.facebook.com/messages/t/1', 'messenger'],
  ['https://www.facebook.com/', 'facebook'],
  ['https://www.facebook.com/groups/123/', 'facebook'],
  ['https://www.facebook.com/ana.reyes.demo', 'facebook'],
  ['https://www.facebook.com/messagesfoo', 'facebook'],
  ['https://www.linkedin.com/messaging/thread/2-YWJj/', 'linkedin'],
  ['https://www.linkedin.com/feed/', 'linkedin'],
  ['https://www.linkedin.com/in/ana-reyes-12ab/', 'linkedin'],
  ['https://mail.google.com/mail/u/0/#inbox?compose=new', 'gmail'],
  ['https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmHvNplbTrfZtLsxCgRw', 'gmail'],
  ['https://mail.google.com/mail/', 'gmail'],
];

const NOT_SITES = [
  'http://web.whatsapp.com/',
  'https://web.whatsapp.com:8443/',
  'https://web.whatsapp.com.evil.example/',
  'https://evil.example/web.whatsapp.com/',
  'https://wa.me/639171234567',
  'https://api.whatsapp.com/send?phone=1',
  'https://www.whatsapp.com/',
  'https://m.facebook.com/messages/t/1',
  'https://www.facebook.com.evil.example/messages/t/1',
  'https://m.me/ana.reyes.demo',
  'https://ph.linkedin.com/in/ana-reyes-12ab',
  'http://www.linkedin.com/messaging/thread/1/',
  'https://mail.google.com/chat/u/0/',
  'https://mail.google.com/',
  'https://mail.google.com.evil.example/mail/u/0/',
  'https://accounts.google.com/SignOutOptions',
  'https://gmail.com/',
  'chrome-extension://abcdefghijklmnop/sidepanel.html',
  'file:///home/user/whatsapp.html',
  'javascript:alert(1)',
  'not a url',
  '',
];

describe('threadSiteOf', () => {
  it.each(SITES)('%s is %s', (url, site) => {
    expect(threadSiteOf(url)).toBe(site);
  });
  it.each(NOT_SITES)('%s is no messaging site', (url) => {
    expect(threadSiteOf(url)).toBeNull();
  });
});

function html(body: string): Document {
  return new DOMParser().parseFromString(body, 'text/html');
}

describe('detectThreadPerson', () => {
  it('maps each site to its channel', () => {
    const wa = html('<div id="main"><header><span dir="auto" title="Ana Reyes">Ana Reyes</span></header></div>');
    expect(detectThreadPerson(wa, 'https://web.whatsapp.com/')).toMatchObject({ site: 'whatsapp', channel: 'whatsapp' });
    const main = html('<div role="main"><a href="https://www.facebook.com/ana.reyes.demo" aria-label="Ana Reyes">x</a></div>');
    expect(detectThreadPerson(main, 'https://www.messenger.com/t/1')).toMatchObject({ site: 'messenger', channel: 'facebook' });
    const gmail = html('<div role="dialog"><div name="to"><div role="option" data-hovercard-id="ana@example.org"></div></div></div>');
    expect(detectThreadPerson(gmail, 'https://mail.google.com/mail/u/0/')).toMatchObject({ site: 'gmail', channel: 'email', email: 'ana@example.org' });
  });

  it('phones keep + and digits only; short numbers and other text are names or nothing', () => {
    const header = (title: string) => html(`<div id="main"><header><span dir="auto" title="${title}">x</span></header></div>`);
    expect(detectThreadPerson(header('(0917) 123-4567'), 'https://web.whatsapp.com/')).toMatchObject({ phone: '09171234567', name: '' });
    expect(detectThreadPerson(header('+1 (415) 555-0100'), 'https://web.whatsapp.com/')).toMatchObject({ phone: '+14155550100' });
    expect(detectThreadPerson(header('12345'), 'https://web.whatsapp.com/')).toMatchObject({ phone: '', name: '12345' });
    expect(detectThreadPerson(header('9'.repeat(30)), 'https://web.whatsapp.com/')).toBeNull();
  });

  it('a page for another site, or a URL that is no messaging site, gives null', () => {
    const wa = html('<div id="main"><header><span dir="auto" title="Ana Reyes">Ana Reyes</span></header></div>');
    expect(detectThreadPerson(wa, 'https://www.linkedin.com/messaging/thread/1/')).toBeNull();
    expect(detectThreadPerson(wa, 'https://example.com/')).toBeNull();
  });

  it('never throws: a document whose methods throw, odd fields, empty pages', () => {
    const hostile = new Proxy(html(''), {
      get(target, key) {
        if (key === 'querySelector' || key === 'querySelectorAll') throw new Error('boom');
        return Reflect.get(target, key) as unknown;
      },
    });
    for (const url of SITES.map(([u]) => u)) {
      expect(detectThreadPerson(hostile, url)).toBeNull();
      expect(detectThreadPerson(html(''), url, html('<p>x</p>').body)).toBeNull();
      expect(detectThreadPerson(html(''), url, {} as Element)).toBeNull();
    }
  });
});
