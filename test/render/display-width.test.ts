import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { simpleDisplayWidth } from '../../src/render/display-width.js';
import standIn from '../../src/render/string-width-in-bundles.js';

/** Every BMP character (surrogates aside) the fast path claims to measure on its own. */
const accepted: string[] = [];
for (let code = 0; code <= 0xffff; code++) {
  if (code >= 0xd800 && code <= 0xdfff) continue;
  const char = String.fromCharCode(code);
  if (simpleDisplayWidth(char) !== undefined) accepted.push(char);
}

/** Characters that change how their neighbours are counted: marks, joiners, selectors, jamo, emoji, controls. */
const tricky = [
  '\u0301',
  '\u200d',
  '\ufe0f',
  '\u20e3',
  '\u1100',
  '\u1161',
  '\u11a8',
  '\uff9e',
  '\u0e33',
  '👩',
  '💻',
  '🇫',
  '🇷',
  '\u00ad',
  '\t',
  '\u001b',
  '⌚',
  '‼',
  '™',
];

describe('simpleDisplayWidth: string-width figures without its set-up', () => {
  test('covers the characters the guide is written in', () => {
    for (const text of [
      'plain ASCII',
      '• item',
      'a › b',
      'naïve café — “quoted” ’s…',
      '漢字とかなカナ',
      '한국어',
      '┌─┐│└┘',
      'ＡＢＣ',
    ]) {
      expect(simpleDisplayWidth(text)).toBe(stringWidth(text));
    }
  });

  test('agrees with string-width on every character it accepts', () => {
    expect(accepted.length).toBeGreaterThan(30000);
    const disagreements = accepted.filter((char) => simpleDisplayWidth(char) !== stringWidth(char));
    expect(disagreements.map((char) => char.codePointAt(0)!.toString(16))).toEqual([]);
  });

  test('agrees with string-width on random mixtures, or leaves them to it', () => {
    const char = fc.oneof(
      { arbitrary: fc.constantFrom(...accepted), weight: 4 },
      { arbitrary: fc.constantFrom(...tricky), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        const width = simpleDisplayWidth(text);
        if (width !== undefined) expect(width).toBe(stringWidth(text));
        else expect(chars.some((c) => tricky.includes(c))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test('leaves to string-width whatever forms a grapheme cluster or an emoji', () => {
    for (const text of ['e\u0301', '👩‍💻', '1\ufe0f\u20e3', '\u1100\u1161', '🇫🇷', '⌚', 'x\u00ady'])
      expect(simpleDisplayWidth(text)).toBeUndefined();
  });
});

describe('the string-width stand-in used in the bundles', () => {
  test('measures styled text as string-width does, escape codes and all', () => {
    for (const text of [
      '\u001b[1mbold\u001b[22m text',
      '\u001b[36m│\u001b[39m 漢字 › b',
      '\u001b]8;;https://example.org\u0007link\u001b]8;;\u0007',
    ]) {
      expect(standIn(text)).toBe(stringWidth(text));
    }
    expect(standIn('abc', { countAnsiEscapeCodes: true })).toBe(3);
  });
});
