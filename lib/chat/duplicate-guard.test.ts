import { describe, expect, it } from 'vitest';
import { makeMessage } from '../../tests/factories';
import { duplicateMessage, isDuplicate, lastConversational, normalizeForDuplicate } from './duplicate-guard';

const out = (body: string, sentAt: number, extra = {}) => makeMessage({ direction: 'outbound', sender: 'recruiter', body, sentAt, ...extra });
const inbound = (body: string, sentAt: number) => makeMessage({ direction: 'inbound', sender: 'candidate', body, sentAt });
const event = (sentAt: number) => makeMessage({ direction: 'outbound', sender: 'system', kind: 'event', body: 'Moved to Hired', sentAt });

describe('duplicate guard', () => {
  it('normalizes by trimming and collapsing white space', () => {
    expect(normalizeForDuplicate('  Hi\n\n  Maria\t! \u00a0')).toBe('Hi Maria !');
  });

  it('refuses the same text as the last outbound message, on any channel', () => {
    const history = [inbound('hello', 1), out('Hi  Maria,\nare you free?', 2, { channel: 'whatsapp' })];
    expect(isDuplicate(history, ' Hi Maria, are you free? ')).toBe(true);
    expect(isDuplicate(history, 'Hi Maria, are you free today?')).toBe(false);
  });

  it('is case-sensitive and looks only at the most recent message', () => {
    expect(isDuplicate([out('Hi', 1)], 'hi')).toBe(false);
    expect(isDuplicate([out('Hi', 1), out('Other', 2)], 'Hi')).toBe(false);
  });

  it('is lifted by a reply from the candidate in between', () => {
    expect(isDuplicate([out('Hi', 1), inbound('yes', 2)], 'Hi')).toBe(false);
  });

  it('sets system events aside, and works in any order', () => {
    expect(isDuplicate([event(3), out('Hi', 2), inbound('yes', 1)], 'Hi')).toBe(true);
    expect(lastConversational([event(5), out('a', 2), inbound('b', 4)])?.body).toBe('b');
  });

  it('counts the bot as outbound too, and an empty history is never a duplicate', () => {
    expect(isDuplicate([out('Thanks!', 1, { sender: 'bot' })], 'Thanks!')).toBe(true);
    expect(isDuplicate([], 'Hi')).toBe(false);
  });

  it('says what to do', () => {
    expect(duplicateMessage('Maria Santos')).toBe(
      'Duplicate Message: this is the same text as your last message to Maria Santos. Edit it before sending.',
    );
  });
});
