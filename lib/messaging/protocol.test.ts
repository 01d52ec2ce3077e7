import { describe, expect, it } from 'vitest';
import { parseMessage, senderMaySend } from './protocol';

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
