import { describe, expect, it } from 'vitest';
import { isGsm7, smsCount } from './sms';

describe('smsCount', () => {
  it('counts GSM-7: 160 in one part, 153 per part after', () => {
    expect(smsCount('')).toMatchObject({ segments: 0, units: 0 });
    expect(smsCount('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1, remaining: 0 });
    expect(smsCount('a'.repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(smsCount('a'.repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(smsCount('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extended characters as two septets and never splits them', () => {
    expect(smsCount('€{}')).toMatchObject({ encoding: 'GSM-7', units: 6 });
    expect(smsCount('a'.repeat(159) + '€')).toMatchObject({ units: 161, segments: 2 });
    // 152 + a 2-septet char does not fit 153: the euro goes to part two.
    expect(smsCount('a'.repeat(152) + '€' + 'a'.repeat(10))).toMatchObject({ segments: 2, remaining: 153 - 12 });
  });

  it('uses UCS-2 for anything outside GSM-7: 70 / 67, emoji count two', () => {
    expect(isGsm7('Ñandú à')).toBe(false); // ú is not GSM
    expect(isGsm7('Ñand à')).toBe(true);
    expect(smsCount('😊')).toMatchObject({ encoding: 'UCS-2', units: 2, segments: 1, remaining: 68 });
    expect(smsCount('ä'.repeat(69) + '✓')).toMatchObject({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsCount('✓'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(smsCount('a'.repeat(66) + '😊')).toMatchObject({ units: 68, segments: 1 });
    expect(smsCount('a'.repeat(66) + '😊' + 'b'.repeat(3))).toMatchObject({ units: 71, segments: 2, remaining: 67 - 5 });
  });
});
