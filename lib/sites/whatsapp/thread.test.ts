// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectThreadPerson } from '../thread';
import { fixtureField as field, loadThread as load } from '../../../tests/thread-fixtures';
import { detectWhatsAppThread } from './thread';

const URL = 'https://web.whatsapp.com/';

describe('WhatsApp thread', () => {
  it('saved contact: the name from the header title span (not the chat list), emoji removed', () => {
    const doc = load('whatsapp-name-chat-2026-11-28.html');
    const person = { site: 'whatsapp', channel: 'whatsapp', name: 'Ana Reyes', phone: '', email: '', profileUrl: '' };
    expect(detectThreadPerson(doc, URL, field(doc, 'composer'))).toEqual(person);
    expect(detectThreadPerson(doc, URL)).toEqual(person);
  });

  it('typing in the chat-list search box is not writing to anyone', () => {
    const doc = load('whatsapp-name-chat-2026-11-28.html');
    expect(detectThreadPerson(doc, URL, field(doc, 'search'))).toBeNull();
  });

  it('unsaved number (data-testid title, bidi marks): the phone as + and digits, no name', () => {
    const doc = load('whatsapp-phone-chat-2026-11-28.html');
    expect(detectThreadPerson(doc, URL, field(doc, 'composer'))).toEqual({
      site: 'whatsapp',
      channel: 'whatsapp',
      name: '',
      phone: '+639171234567',
      email: '',
      profileUrl: '',
    });
  });

  it('title fallbacks: span[title] without dir, then the header\'s first text', () => {
    const noDir = load('whatsapp-name-chat-2026-11-28.html', { 'span dir="auto" class="x1iyjqo2 x6ikm8r"': 'span class="x1iyjqo2 x6ikm8r"' });
    expect(detectThreadPerson(noDir, URL)?.name).toBe('Ana Reyes');
    const noTitle = load('whatsapp-phone-chat-2026-11-28.html', { 'data-testid="conversation-info-header-chat-title"': '', 'title="~ Carla"': '' });
    expect(detectThreadPerson(noTitle, URL)?.phone).toBe('+639171234567');
  });

  it('no chat open: null, with or without the search box as the field', () => {
    const doc = load('whatsapp-no-chat-2026-11-28.html');
    expect(detectThreadPerson(doc, URL)).toBeNull();
    expect(detectThreadPerson(doc, URL, field(doc, 'search'))).toBeNull();
  });

  it('the "Message yourself" chat and groups are nobody', () => {
    const self = load('whatsapp-name-chat-2026-11-28.html', { 'Ana Reyes 🌸': 'Rita Recruiter (You)' });
    expect(detectThreadPerson(self, URL)).toBeNull();
    const selfSubtitle = load('whatsapp-name-chat-2026-11-28.html', { 'click here for contact info': 'Message yourself' });
    expect(detectThreadPerson(selfSubtitle, URL)).toBeNull();
    const group = load('whatsapp-name-chat-2026-11-28.html', {
      'Ana Reyes 🌸': 'Night shift nurses',
      'title="click here for contact info"': 'title="Ana, Ben, Carla, You"',
    });
    expect(detectThreadPerson(group, URL)).toBeNull();
    const groupIcon = load('whatsapp-phone-chat-2026-11-28.html', { 'data-icon="default-user"': 'data-icon="default-group-refreshed"' });
    expect(detectWhatsAppThread(groupIcon, null)).toBeNull();
  });

  it('hostile name: plain text, invisible marks gone, capped at 100 characters', () => {
    const doc = load('whatsapp-hostile-2026-11-28.html', { NAME_PLACEHOLDER: 'A'.repeat(100 * 1024) });
    const person = detectThreadPerson(doc, URL, field(doc, 'composer'));
    expect(person?.name.startsWith('Eve <img src=x onerror=alert(1)> <script>alert(2)</script>Hacker AAA')).toBe(true);
    expect(person!.name.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(person)).not.toMatch(/[\u200B\u202E]/);
  });
});
