import { describe, expect, it } from 'vitest';
import { fold, fullName, initials, queryWords } from './text';

describe('fold', () => {
  it('lower-cases plain ASCII', () => {
    expect(fold('Maria SANTOS')).toBe('maria santos');
    expect(fold('A-10423')).toBe('a-10423');
  });

  it('drops accents', () => {
    expect(fold('José Müller')).toBe('jose muller');
    expect(fold('Ñuñez Ça Ångström Øre')).toBe('nunez ca angstrom øre');
    expect(fold('François Élodie')).toBe('francois elodie');
  });

  it('folds precomposed and decomposed forms to the same text', () => {
    const precomposed = 'Jos\u00e9';
    const decomposed = 'Jose\u0301';
    expect(precomposed).not.toBe(decomposed);
    expect(fold(precomposed)).toBe(fold(decomposed));
    expect(fold(decomposed)).toBe('jose');
  });

  it('turns ß (and capital ẞ) into ss, and Turkish dotted/dotless i into i', () => {
    expect(fold('Straße')).toBe('strasse');
    expect(fold('STRAẞE')).toBe('strasse');
    expect(fold('İstanbul Işık')).toBe('istanbul isik');
  });

  it('lower-cases Cyrillic and Greek and passes CJK and Arabic through', () => {
    expect(fold('Мария ИВАНОВА')).toBe('мария иванова');
    expect(fold('ΣΟΦΙΑ')).toBe('σοφια');
    expect(fold('王小明')).toBe('王小明');
    expect(fold('محمد')).toBe('محمد');
    expect(fold('Anna 王')).toBe('anna 王');
  });

  it('makes a folded word findable in folded text regardless of case and accents', () => {
    expect(fold('Zoë Ölander-Pérez').includes(fold('OLANDER'))).toBe(true);
    expect(fold('Zoe Olander').includes(fold('Zoë'))).toBe(true);
  });

  it('keeps the empty string empty', () => {
    expect(fold('')).toBe('');
  });
});

describe('queryWords', () => {
  it('splits on white space, commas and semicolons and folds each word', () => {
    expect(queryWords('  José   MÜLLER ')).toEqual(['jose', 'muller']);
    expect(queryWords('maria,santos;\tmanila\n')).toEqual(['maria', 'santos', 'manila']);
  });

  it('gives no words for blank queries', () => {
    expect(queryWords('')).toEqual([]);
    expect(queryWords('  , ; ')).toEqual([]);
  });

  it('keeps punctuation inside a word (refs, emails)', () => {
    expect(queryWords('A-10423 maria@example.com')).toEqual(['a-10423', 'maria@example.com']);
  });
});

describe('initials', () => {
  it('takes the first letter of each name, upper-cased', () => {
    expect(initials('Maria', 'dela Cruz')).toBe('MD');
    expect(initials('  ana ', ' lópez')).toBe('AL');
  });

  it('keeps accented and non-Latin first letters whole', () => {
    expect(initials('Élodie', 'Ørsted')).toBe('ÉØ');
    expect(initials('мария', 'иванова')).toBe('МИ');
    expect(initials('王', '小明')).toBe('王小');
  });

  it('never splits a character into halves', () => {
    // An astral emoji is two UTF-16 code units; a broken surrogate would render as �.
    expect(initials('😀 Joy', 'Smith')).toBe('😀S');
    expect(initials('𝒜lice', 'Brown')).toBe('𝒜B');
    // A letter typed as base + combining accent keeps its accent.
    expect(initials('E\u0301mile', 'Zola').normalize('NFC')).toBe('ÉZ');
    // A flag is two regional indicators; half of one is not a character.
    expect(initials('🇵🇭', 'Reyes')).toBe('🇵🇭R');
    // An emoji with a skin tone joined to another stays one character.
    expect(initials('👩🏽‍💻', 'Dev')).toBe('👩🏽‍💻D');
  });

  it('uses what there is, and ? when both names are blank', () => {
    expect(initials('Cher', '')).toBe('C');
    expect(initials('', 'Santos')).toBe('S');
    expect(initials('  ', '')).toBe('?');
  });
});

describe('fullName', () => {
  it('joins first and last name without stray spaces', () => {
    expect(fullName({ firstName: 'Maria', lastName: 'Santos' })).toBe('Maria Santos');
    expect(fullName({ firstName: 'Cher', lastName: '' })).toBe('Cher');
  });
});
