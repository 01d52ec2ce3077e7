import { describe, expect, it } from 'vitest';
import { facebookIdFromUrl, gmailComposeLink, mailtoLink, MAX_LINK_LENGTH, messengerLink, smsLink, whatsappLink } from './links';

const HARD = 'Hi Ma. José 👋🏽 & co #1 + 50% off?\nLine 2 = ok/[x]';

function urlOf(r: ReturnType<typeof whatsappLink>): string {
  if (!r.ok) throw new Error(`expected a URL, got ${r.reason}`);
  return r.url;
}

describe('whatsappLink', () => {
  it('uses the digits of the number and round-trips any text', () => {
    const url = urlOf(whatsappLink('+63 917 123 4567', HARD));
    expect(url.startsWith('https://wa.me/639171234567?text=')).toBe(true);
    expect(new URL(url).searchParams.get('text')).toBe(HARD);
    expect(url).not.toMatch(/[ #&+\n]/);
    expect(url).toContain('%26'); // &
    expect(url).toContain('%23'); // #
    expect(url).toContain('%2B'); // +
    expect(url).toContain('%0A'); // newline
  });
  it('refuses over-long bodies and empty numbers', () => {
    expect(whatsappLink('+639171234567', 'x'.repeat(MAX_LINK_LENGTH))).toMatchObject({ ok: false, reason: 'too_long' });
    expect(whatsappLink('', 'hi')).toMatchObject({ ok: false, reason: 'no_address' });
    // Emoji take 12 characters encoded: 200 of them are too long.
    expect(whatsappLink('+639171234567', '😊'.repeat(200))).toMatchObject({ ok: false, reason: 'too_long' });
  });
  it('survives a lone surrogate', () => {
    expect(urlOf(whatsappLink('+1 555 0100', 'a\uD83D'))).toContain('%EF%BF%BD');
  });
});

describe('smsLink (RFC 5724)', () => {
  it('keeps the + of the number and encodes the body', () => {
    const url = urlOf(smsLink('+639171234567', HARD));
    expect(url.startsWith('sms:+639171234567?body=')).toBe(true);
    const body = url.slice(url.indexOf('?body=') + 6);
    expect(decodeURIComponent(body)).toBe(HARD);
    expect(body).not.toMatch(/[ #&+\n?]/);
  });
  it('is too long past the limit', () => {
    expect(smsLink('+639171234567', 'a'.repeat(1990))).toMatchObject({ ok: false, reason: 'too_long' });
    expect(smsLink('+639171234567', 'a'.repeat(1900))).toMatchObject({ ok: true });
  });
});

describe('mailtoLink (RFC 6068)', () => {
  it('encodes subject and body, with CRLF line breaks', () => {
    const url = urlOf(mailtoLink({ to: 'maria+jobs@example.com', subject: 'Interview & next steps #2', body: 'Hi\nthere\r\nbye 😊' }));
    expect(url).toBe(
      'mailto:maria%2Bjobs@example.com?subject=Interview%20%26%20next%20steps%20%232&body=Hi%0D%0Athere%0D%0Abye%20%F0%9F%98%8A',
    );
  });
  it('leaves out an empty subject; no address, no link', () => {
    expect(urlOf(mailtoLink({ to: 'a@b.co', body: 'x' }))).toBe('mailto:a@b.co?body=x');
    expect(mailtoLink({ to: 'nobody', body: 'x' })).toMatchObject({ ok: false, reason: 'no_address' });
    expect(mailtoLink({ to: 'a@b.co', body: 'é'.repeat(400) })).toMatchObject({ ok: false, reason: 'too_long' });
  });
});

describe('gmailComposeLink', () => {
  it('fills to, subject and body', () => {
    const url = new URL(urlOf(gmailComposeLink({ to: 'a+b@c.co', subject: 'S & T', body: HARD })));
    expect(url.origin + url.pathname).toBe('https://mail.google.com/mail/');
    expect(url.searchParams.get('view')).toBe('cm');
    expect(url.searchParams.get('to')).toBe('a+b@c.co');
    expect(url.searchParams.get('su')).toBe('S & T');
    expect(url.searchParams.get('body')).toBe(HARD);
  });
});

describe('messenger', () => {
  it('links m.me/<id>', () => {
    expect(urlOf(messengerLink('maria.santos'))).toBe('https://m.me/maria.santos');
    expect(messengerLink(' ')).toMatchObject({ ok: false });
  });
  it('finds the id in Facebook profile URLs', () => {
    expect(facebookIdFromUrl('https://www.facebook.com/maria.santos.12')).toBe('maria.santos.12');
    expect(facebookIdFromUrl('https://m.facebook.com/profile.php?id=100012345678')).toBe('100012345678');
    expect(facebookIdFromUrl('facebook.com/people/Maria-Santos/100012345678/')).toBe('100012345678');
    expect(facebookIdFromUrl('https://www.facebook.com/groups/123')).toBeNull();
    expect(facebookIdFromUrl('https://evil.example/maria')).toBeNull();
    expect(facebookIdFromUrl('not a url')).toBeNull();
  });
});
