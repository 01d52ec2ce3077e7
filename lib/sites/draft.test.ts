import { describe, expect, it } from 'vitest';
import { capturePhotoUrl, checkCaptureDetails, cleanWebsite } from './draft';

describe('capturePhotoUrl', () => {
  it('keeps https photos on the site’s own CDN only', () => {
    expect(capturePhotoUrl('https://media.licdn.com/dms/image/D4E03AQ/profile-displayphoto-shrink_400_400/0/1?e=1&v=beta&t=x', 'linkedin')).toBe(
      'https://media.licdn.com/dms/image/D4E03AQ/profile-displayphoto-shrink_400_400/0/1?e=1&v=beta&t=x',
    );
    expect(capturePhotoUrl('https://media-exp1.licdn.com/dms/image/a.jpg', 'linkedin')).toBe('https://media-exp1.licdn.com/dms/image/a.jpg');
    expect(capturePhotoUrl('https://scontent.fmnl4-1.fna.fbcdn.net/v/t39/p.jpg?oh=1', 'facebook')).toBe('https://scontent.fmnl4-1.fna.fbcdn.net/v/t39/p.jpg?oh=1');
    expect(capturePhotoUrl('https://scontent-sin6-2.xx.fbcdn.net/v/p.jpg', 'facebook')).toBe('https://scontent-sin6-2.xx.fbcdn.net/v/p.jpg');
  });

  it('refuses other hosts, the other site’s CDN, http, credentials, ports and look-alikes', () => {
    for (const [url, site] of [
      ['http://media.licdn.com/a.jpg', 'linkedin'],
      ['https://evil.example/pixel.gif', 'linkedin'],
      ['https://media.licdn.com.evil.example/a.jpg', 'linkedin'],
      ['https://static.licdn.com/ghost.svg', 'linkedin'],
      ['https://www.linkedin.com/dms/image/a.jpg', 'linkedin'],
      ['https://user:pw@media.licdn.com/a.jpg', 'linkedin'],
      ['https://media.licdn.com:8443/a.jpg', 'linkedin'],
      ['https://scontent.xx.fbcdn.net/v/p.jpg', 'linkedin'],
      ['https://media.licdn.com/a.jpg', 'facebook'],
      ['https://static.xx.fbcdn.net/rsrc.php/x.png', 'facebook'],
      ['https://scontent.xx.fbcdn.net.evil.example/p.jpg', 'facebook'],
      ['javascript:alert(1)', 'facebook'],
      ['data:image/png;base64,AA==', 'facebook'],
      ['/relative.jpg', 'linkedin'],
      [`https://media.licdn.com/${'x'.repeat(2048)}`, 'linkedin'],
    ] as const) {
      expect(capturePhotoUrl(url, site), url.slice(0, 60)).toBe('');
    }
  });
});

describe('cleanWebsite', () => {
  it('http(s) links, with https:// added to a bare host', () => {
    expect(cleanWebsite(' ben.example.dev ')).toBe('https://ben.example.dev/');
    expect(cleanWebsite('http://old.example.com/a?b=1')).toBe('http://old.example.com/a?b=1');
    expect(cleanWebsite('https://blog.example.net/posts')).toBe('https://blog.example.net/posts');
  });

  it('nothing else', () => {
    for (const raw of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:a@b.co', 'ftp://x.example/', 'not a site', 'word', '', 'https://']) {
      expect(cleanWebsite(raw), raw).toBe('');
    }
  });
});

describe('checkCaptureDetails', () => {
  const empty = { headline: '', title: '', company: '', location: '', about: '', websites: [], photo: '' };

  it('tidies text, keeps about’s paragraphs, dedupes websites, drops an off-CDN photo', () => {
    const result = checkCaptureDetails(
      {
        headline: '  Recruiter \u200B at   Acme ',
        title: 'Talent Partner',
        company: 'Acme',
        location: '',
        about: 'First line\r\n\r\n\r\n\r\nSecond\u202E   line\t here ',
        websites: ['acme.example', 'https://acme.example/', ' '],
        photo: 'https://evil.example/p.gif',
      },
      'linkedin',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        headline: 'Recruiter at Acme',
        title: 'Talent Partner',
        company: 'Acme',
        about: 'First line\n\nSecond line here',
        websites: ['https://acme.example/'],
      },
    });
    expect(checkCaptureDetails({ ...empty, photo: 'https://media.licdn.com/a.jpg' }, 'linkedin')).toEqual({ ok: true, value: { photo: 'https://media.licdn.com/a.jpg' } });
    expect(checkCaptureDetails(empty, 'facebook')).toEqual({ ok: true, value: {} });
  });

  it('refuses, with a message, what the recruiter can fix: a website that is not one, too long a title or about', () => {
    expect(checkCaptureDetails({ ...empty, websites: ['javascript:alert(1)'] }, 'linkedin')).toEqual({
      ok: false,
      error: '“javascript:alert(1)” is not a web address (http or https).',
    });
    expect(checkCaptureDetails({ ...empty, title: 'x'.repeat(201) }, 'linkedin')).toMatchObject({ ok: false, error: 'A job title can be at most 200 characters.' });
    expect(checkCaptureDetails({ ...empty, about: 'x'.repeat(2001) }, 'linkedin')).toMatchObject({ ok: false });
    expect(checkCaptureDetails({ ...empty, websites: Array.from({ length: 6 }, (_, i) => `s${i}.example`) }, 'linkedin')).toMatchObject({ ok: false });
  });
});
