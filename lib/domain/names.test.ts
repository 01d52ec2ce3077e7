import { describe, expect, it } from 'vitest';
import {
  attributeKeyFor,
  checkAttributeLabel,
  checkCampaignName,
  checkColor,
  checkEmail,
  checkFolderName,
  checkLabelName,
  cleanName,
  colorName,
  duplicateProblem,
  nameKey,
} from './names';

function problem(result: ReturnType<typeof checkLabelName>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${result.name}`);
  return result.problem;
}

describe('cleanName', () => {
  it('trims, collapses white space and drops control characters', () => {
    expect(cleanName('  Night \t\n shift  ')).toBe('Night shift');
    expect(cleanName('A\u0000B\u0007C')).toBe('ABC');
    expect(nameKey('  URGENT  Hire ')).toBe('urgent hire');
  });
});

describe('checkLabelName', () => {
  it('accepts a clean name and gives its lower-case key', () => {
    expect(checkLabelName('  Night   Shift ')).toEqual({ ok: true, name: 'Night Shift', key: 'night shift' });
  });

  it('refuses empty and blank names', () => {
    expect(problem(checkLabelName(''))).toBe('A label needs a name.');
    expect(problem(checkLabelName(' \n\t '))).toBe('A label needs a name.');
  });

  it('refuses a 10,000-character name, saying the limit and the length', () => {
    expect(problem(checkLabelName('x'.repeat(10_000)))).toBe(
      'A label name can be at most 50 characters (this one has 10,000).',
    );
    expect(checkLabelName('x'.repeat(50)).ok).toBe(true);
    expect(problem(checkLabelName('x'.repeat(51)))).toMatch(/at most 50 characters \(this one has 51\)/);
  });

  it('refuses , # and ?, naming the ones found', () => {
    expect(problem(checkLabelName('a,b'))).toMatch(/cannot contain “,”/);
    expect(problem(checkLabelName('#hot'))).toMatch(/cannot contain “#”/);
    expect(problem(checkLabelName('maybe?'))).toMatch(/cannot contain “\?”/);
    expect(problem(checkLabelName('a,b#c'))).toMatch(/“,” or “#”/);
  });

  it('allows other punctuation and any script', () => {
    expect(checkLabelName('Bilingual (EN/ES) – día 1!').ok).toBe(true);
    expect(checkLabelName('日本語 可').ok).toBe(true);
  });
});

describe('duplicateProblem', () => {
  const labels = [
    { id: 'l1', name: 'Urgent' },
    { id: 'l2', name: 'Night shift' },
  ];

  it('finds a twin ignoring case and spacing', () => {
    expect(duplicateProblem('label', nameKey(' URGENT '), labels)).toBe('There is already a label called “Urgent”.');
    expect(duplicateProblem('label', nameKey('night  SHIFT'), labels)).toMatch(/Night shift/);
    expect(duplicateProblem('label', nameKey('Urgent!'), labels)).toBeNull();
  });

  it('lets a row keep its own name (or change its case)', () => {
    expect(duplicateProblem('label', 'urgent', labels, 'l1')).toBeNull();
    expect(duplicateProblem('folder', 'urgent', labels, 'l2')).toBe('There is already a folder called “Urgent”.');
  });
});

describe('folder, campaign and custom field names', () => {
  it('are non-empty and capped, with a reason', () => {
    expect(problem(checkFolderName('  '))).toBe('A folder needs a name.');
    expect(problem(checkFolderName('f'.repeat(10_000)))).toMatch(/at most 50 characters \(this one has 10,000\)/);
    expect(problem(checkCampaignName(''))).toBe('A campaign needs a job title.');
    expect(problem(checkCampaignName('c'.repeat(201)))).toMatch(/at most 200 characters/);
    expect(checkCampaignName('c'.repeat(200)).ok).toBe(true);
    expect(problem(checkAttributeLabel(''))).toBe('A custom field needs a name.');
    expect(problem(checkAttributeLabel('a'.repeat(61)))).toMatch(/at most 60 characters/);
  });

  it('allow commas in folder and campaign names (only labels reserve them)', () => {
    expect(checkFolderName('Interview, round 2').ok).toBe(true);
    expect(checkCampaignName('Nurse, ICU').ok).toBe(true);
  });
});

describe('attributeKeyFor', () => {
  it('derives a key from the label', () => {
    expect(attributeKeyFor('Shift preference', [])).toBe('shift_preference');
    expect(attributeKeyFor('  Años de experiencia ', [])).toBe('anos_de_experiencia');
    expect(attributeKeyFor('Salary (PHP)', [])).toBe('salary_php');
  });

  it('adds _2, _3… when the key is taken', () => {
    expect(attributeKeyFor('Shift', ['shift'])).toBe('shift_2');
    expect(attributeKeyFor('Shift', ['shift', 'shift_2'])).toBe('shift_3');
  });

  it('never yields an empty key, a leading digit or an Object.prototype member', () => {
    expect(attributeKeyFor('!!!', [])).toBe('field');
    expect(attributeKeyFor('2nd language', [])).toBe('f_2nd_language');
    expect(attributeKeyFor('__proto__', [])).toBe('proto');
    expect(attributeKeyFor('constructor', [])).toBe('constructor_field');
    expect(attributeKeyFor('toString', [])).toBe('tostring');
  });

  it('caps the key at 40 characters', () => {
    expect(attributeKeyFor('a'.repeat(60), []).length).toBe(40);
  });
});

describe('checkEmail and checkColor', () => {
  it('checks emails', () => {
    expect(checkEmail(' Ana@Example.com ')).toEqual({ ok: true, name: 'Ana@Example.com', key: 'ana@example.com' });
    expect(checkEmail('ana at example').ok).toBe(false);
    expect(checkEmail('').ok).toBe(false);
  });

  it('accepts #rrggbb colors only, and names the palette ones', () => {
    expect(checkColor('#2563EB')).toMatchObject({ ok: true, name: '#2563eb' });
    expect(checkColor('red').ok).toBe(false);
    expect(checkColor('#fff').ok).toBe(false);
    expect(colorName('#2563eb')).toBe('Blue');
    expect(colorName('#123456')).toBe('Custom');
  });
});
