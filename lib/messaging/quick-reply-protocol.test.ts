import { describe, expect, it } from 'vitest';
import { channelOfSite, parseQuickReplyMessage, QR_CAPS } from './quick-reply-protocol';

const person = { site: 'whatsapp', channel: 'whatsapp', name: 'Maria Santos', phone: '+639171234567', email: '', profileUrl: '' };

describe('parseQuickReplyMessage', () => {
  it('accepts each message in its exact shape', () => {
    expect(parseQuickReplyMessage({ type: 'qr:context', payload: { href: 'https://web.whatsapp.com/', person } })).toEqual({
      type: 'qr:context',
      payload: { href: 'https://web.whatsapp.com/', person },
    });
    expect(parseQuickReplyMessage({ type: 'qr:context', payload: { href: 'https://x.test/', person: null } })?.payload).toEqual({ href: 'https://x.test/', person: null });
    expect(parseQuickReplyMessage({ type: 'qr:search', payload: { query: 'maria' } })?.payload).toEqual({ query: 'maria' });
    expect(parseQuickReplyMessage({ type: 'qr:match', payload: { name: 'Ana Reyes' } })?.payload).toEqual({ name: 'Ana Reyes' });
    expect(parseQuickReplyMessage({ type: 'qr:check', payload: { candidateId: 'cand_1', text: 'Hi', channel: null } })?.payload).toEqual({
      candidateId: 'cand_1',
      text: 'Hi',
      channel: null,
    });
    expect(
      parseQuickReplyMessage({ type: 'qr:log', payload: { candidateId: 'cand_1', text: 'Hi', channel: 'linkedin', quickReplyId: 'qr_1' } })?.type,
    ).toBe('qr:log');
  });

  it('refuses unknown types, extra or missing keys, wrong values and anything over its cap', () => {
    const bad: unknown[] = [
      null,
      'qr:context',
      { type: 'qr:unknown', payload: {} },
      { type: 'qr:search', payload: { query: 'x', extra: 1 } },
      { type: 'qr:search', payload: {} },
      { type: 'qr:match', payload: { name: '' } },
      { type: 'qr:match', payload: { name: 'x'.repeat(QR_CAPS.name + 1) } },
      { type: 'qr:search', payload: { query: 'x'.repeat(QR_CAPS.query + 1) } },
      { type: 'qr:context', payload: { href: 'https://x.test/', person: { ...person, site: 'myspace' } } },
      { type: 'qr:context', payload: { href: 'https://x.test/', person: { ...person, name: 'x'.repeat(QR_CAPS.name + 1) } } },
      { type: 'qr:context', payload: { href: 'https://x.test/', person: { ...person, admin: true } } },
      { type: 'qr:check', payload: { candidateId: '../../etc', text: 'Hi', channel: null } },
      { type: 'qr:check', payload: { candidateId: 'c1', text: 'x'.repeat(QR_CAPS.text + 1), channel: null } },
      { type: 'qr:log', payload: { candidateId: 'c1', text: 'Hi', channel: 'sms', quickReplyId: 'q1' } },
      { type: 'qr:log', payload: { candidateId: 'c1', text: 'Hi', channel: null, quickReplyId: 'q1' } },
      { type: 'qr:search', payload: Object.assign(Object.create({ polluted: true }) as object, { query: 'x' }) },
      JSON.parse('{"type":"qr:search","payload":{"query":"x","__proto__":{"admin":true}}}'),
    ];
    for (const raw of bad) expect(parseQuickReplyMessage(raw)).toBeNull();
  });

  it('names the channel each site sends through', () => {
    expect(channelOfSite('whatsapp')).toBe('whatsapp');
    expect(channelOfSite('messenger')).toBe('facebook');
    expect(channelOfSite('facebook')).toBe('facebook');
    expect(channelOfSite('gmail')).toBe('email');
    expect(channelOfSite('linkedin')).toBe('linkedin');
  });
});
