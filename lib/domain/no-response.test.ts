import { describe, expect, it } from 'vitest';
import { DAY_MS, eventChannel, isDailyRunDue, isNoResponseDue, noResponseEventBody, silenceSince } from './no-response';

const NOW = Date.UTC(2024, 5, 1, 9);
const daysAgo = (d: number) => NOW - d * DAY_MS;

describe('isNoResponseDue', () => {
  const inbox = { folderId: 'inbox', latestInboundAt: null, lastAutoMoveAt: null };

  it('moves an Inbox lead silent for 22 days, not one silent for 20', () => {
    expect(isNoResponseDue({ ...inbox, addedAt: daysAgo(22) }, NOW)).toBe(true);
    expect(isNoResponseDue({ ...inbox, addedAt: daysAgo(20) }, NOW)).toBe(false);
  });

  it('needs more than 21 days: exactly 21 is not yet', () => {
    expect(isNoResponseDue({ ...inbox, addedAt: daysAgo(21) }, NOW)).toBe(false);
    expect(isNoResponseDue({ ...inbox, addedAt: daysAgo(21) - 1 }, NOW)).toBe(true);
  });

  it('counts from the latest inbound message: a reply resets the clock', () => {
    expect(isNoResponseDue({ ...inbox, addedAt: daysAgo(60), latestInboundAt: daysAgo(5) }, NOW)).toBe(false);
    expect(isNoResponseDue({ ...inbox, addedAt: daysAgo(60), latestInboundAt: daysAgo(22) }, NOW)).toBe(true);
  });

  it('counts a lead added after the last reply from its addedAt', () => {
    const facts = { ...inbox, addedAt: daysAgo(2), latestInboundAt: daysAgo(90) };
    expect(silenceSince(facts)).toBe(daysAgo(2));
    expect(isNoResponseDue(facts, NOW)).toBe(false);
  });

  it('moves only Inbox leads', () => {
    for (const folderId of ['completed', 'shortlisted', 'on_hold', 'hired', 'rejected', 'no_response', 'custom_1']) {
      expect(isNoResponseDue({ ...inbox, folderId, addedAt: daysAgo(90) }, NOW)).toBe(false);
    }
  });

  it('gives a lead brought back to Inbox after an automatic move a fresh 21 days', () => {
    expect(isNoResponseDue({ ...inbox, addedAt: daysAgo(90), lastAutoMoveAt: daysAgo(3) }, NOW)).toBe(false);
    expect(isNoResponseDue({ ...inbox, addedAt: daysAgo(90), lastAutoMoveAt: daysAgo(30) }, NOW)).toBe(true);
  });
});

describe('the system event', () => {
  it('says what happened, on the last channel or SMS', () => {
    expect(noResponseEventBody()).toBe('Moved to No Response after 21 days without a reply');
    expect(eventChannel('whatsapp')).toBe('whatsapp');
    expect(eventChannel(null)).toBe('sms');
  });
});

describe('isDailyRunDue', () => {
  it('is due before the first run and more than a day after the last', () => {
    expect(isDailyRunDue(null, NOW)).toBe(true);
    expect(isDailyRunDue(undefined, NOW)).toBe(true);
    expect(isDailyRunDue(NOW - DAY_MS - 1, NOW)).toBe(true);
    expect(isDailyRunDue(NOW - DAY_MS, NOW)).toBe(false);
    expect(isDailyRunDue(NOW - 60_000, NOW)).toBe(false);
  });

  it('is due when the last run is in the future (the clock went back)', () => {
    expect(isDailyRunDue(NOW + DAY_MS, NOW)).toBe(true);
    expect(isDailyRunDue(Number.NaN, NOW)).toBe(true);
  });
});
