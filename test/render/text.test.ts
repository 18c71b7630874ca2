import { describe, expect, test } from '@jest/globals';
import { Chalk } from 'chalk';
import fc from 'fast-check';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { isSimpleText } from '../../src/render/simple-text.js';
import { displayWidth, padEnd, wrapText } from '../../src/render/text.js';

const ascii = fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i)));

/** Text that is not plain ASCII, one piece of each kind that string-width has a rule for. */
const unusual = fc.constantFrom(
  '👩‍💻', // ZWJ sequence
  '👨‍👩‍👧', // ZWJ sequence of three
  '1️⃣', // keycap
  '#\u20e3', // keycap without the variation selector
  '🇫🇷', // flag
  '⌚', // emoji presentation
  '☺', // text presentation
  '™', // emoji only with a selector
  '™\ufe0f',
  '漢字', // CJK
  'かなカナ',
  'ＡＢ', // full-width forms
  'ｶﾞ', // half-width kana with its voiced mark
  '가', // Hangul syllable
  '\u1100\u1161\u11a8', // Hangul jamo making one syllable
  'e\u0301', // combining mark
  'a\u0300\u0316', // two marks
  '\u0e01\u0e33', // Thai with a spacing vowel
  '\u200b', // zero-width space
  '\u00ad', // soft hyphen
  '—', // punctuation the guide uses
  '’',
  '…',
  '•',
  '│',
  '€',
  'naïve',
);

/** Escape codes that chalk and terminals use: colours, bold, 256 and true colour, a hyperlink. */
const escape = fc.constantFrom(
  '\u001b[1m',
  '\u001b[22m',
  '\u001b[36m',
  '\u001b[39m',
  '\u001b[38;5;208m',
  '\u001b[38;2;10;20;30m',
  '\u001b[0m',
  '\u001b]8;;https://example.org\u0007',
  '\u001b]8;;\u0007',
);

const mixed = fc
  .array(
    fc.oneof({ arbitrary: ascii, weight: 6 }, { arbitrary: unusual, weight: 2 }, { arbitrary: escape, weight: 1 }),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** Plain ASCII prose: words of all lengths, runs of spaces, spaces at either end, several lines. */
const asciiProse = fc
  .array(
    fc.oneof(
      { arbitrary: fc.stringMatching(/^[a-zA-Z0-9.,:;!?()'"`/_-]{1,12}$/), weight: 6 },
      { arbitrary: fc.stringMatching(/^[a-z/.:-]{20,90}$/), weight: 1 },
      { arbitrary: fc.constantFrom(' ', '  ', '   ', '\n', ' \n '), weight: 4 },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Text of the kind virt styles and wraps: words, punctuation it draws with, runs of spaces, chalk styles nested in any order. */
const chalk = new Chalk({ level: 1 });
const styles = [
  'bold',
  'dim',
  'italic',
  'underline',
  'inverse',
  'strikethrough',
  'cyan',
  'yellow',
  'green',
  'blue',
  'magenta',
  'gray',
  'bgBlue',
  'reset',
] as const;
const styledProse: fc.Arbitrary<string> = fc.letrec<{ text: string }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.stringMatching(/^[a-z]{1,9}$/),
    fc.stringMatching(/^[a-z/.:-]{18,60}$/),
    fc.constantFrom(' ', '  ', ' ', '• ', ' │ ', ' › ', '—', ' – ', '…', '’s', '“', '”', '×', '─├└'),
    fc.tuple(fc.constantFrom(...styles), tie('text')).map(([style, inner]) => chalk[style](inner)),
    fc.array(tie('text'), { maxLength: 6 }).map((parts) => parts.join('')),
  ),
})).text;

describe('displayWidth: the width string-width gives', () => {
  test('where the old width function was wrong', () => {
    expect(displayWidth('👩‍💻')).toBe(2);
    expect(displayWidth('1️⃣')).toBe(2);
    expect(displayWidth('\u1100\u1161')).toBe(2);
    expect(displayWidth('™')).toBe(1);
  });

  test('for the characters the guide is written in', () => {
    for (const text of [
      'plain ASCII',
      '• item',
      'a › b',
      'naïve café — “quoted” ’s…',
      '漢字とかなカナ',
      '한국어',
      '┌─┐│└┘',
      'ＡＢＣ',
      '\u001b[1mbold\u001b[22m text',
      '\u001b[36m│\u001b[39m 漢字 › b',
      '\u001b]8;;https://example.org\u0007link\u001b]8;;\u0007',
    ]) {
      expect(displayWidth(text)).toBe(stringWidth(text));
    }
  });

  test('for any mixture of ASCII, emoji, ZWJ sequences, keycaps, CJK, Hangul, marks and escape codes', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 5000 },
    );
  });

  test('for printable ASCII, the fast path', () => {
    fc.assert(
      fc.property(fc.array(ascii, { maxLength: 200 }), (chars) => {
        const text = chars.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('for simple text, the fast path: every character it takes is one column on its own', () => {
    const taken: string[] = [];
    for (let code = 0x20; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (code < 0xd800 || code > 0xdfff) if (isSimpleText(char)) taken.push(char);
    }
    expect(taken.length).toBeGreaterThan(95);
    for (const char of taken) {
      expect([char, stringWidth(char), char.normalize()]).toEqual([char, 1, char]);
      expect(stringWidth(`a${char}b`)).toBe(3);
    }
    fc.assert(
      fc.property(styledProse, (text) => {
        expect(isSimpleText(text)).toBe(true);
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('padEnd pads to the display width', () => {
    expect(padEnd('漢字', 6)).toBe('漢字  ');
    expect(padEnd('\u001b[1mab\u001b[22m', 4)).toBe('\u001b[1mab\u001b[22m  ');
    expect(padEnd('too long', 3)).toBe('too long');
  });
});

describe('wrapText: the lines wrap-ansi makes', () => {
  const columns = fc.integer({ min: 8, max: 60 });
  const wrappedByWrapAnsi = (text: string, width: number) =>
    wrapAnsi(text, width, { hard: true, trim: true, wordWrap: true }).split('\n');

  test('for plain ASCII prose, the fast path', () => {
    fc.assert(
      fc.property(asciiProse, columns, (text, width) => {
        expect(wrapText(text, width)).toEqual(wrappedByWrapAnsi(text, width));
      }),
      { numRuns: 5000 },
    );
  });

  test('for styled simple text, the fast path, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(styledProse, { minLength: 1, maxLength: 3 }), columns, (lines, width) => {
        const text = lines.join('\n');
        expect(wrapText(text, width)).toEqual(wrappedByWrapAnsi(text, width));
      }),
      { numRuns: 5000 },
    );
  });

  test('for any mixture, styled or not, with a hanging indent', () => {
    fc.assert(
      fc.property(mixed, columns, (text, width) => {
        const lines = wrapText(text, width + 4, '  - ', '    ');
        const bare = wrappedByWrapAnsi(text, width);
        expect(lines).toEqual(bare.map((line, index) => (index === 0 ? '  - ' : '    ') + line));
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width + 4);
      }),
      { numRuns: 3000 },
    );
  });

  test('keeps a word whole when it fits and cuts one wider than the line, but never an address', () => {
    expect(wrapText('a hypercall is a call into the hypervisor', 16)).toEqual([
      'a hypercall is a',
      'call into the',
      'hypervisor',
    ]);
    expect(wrapText('see example.org/a/very/long/path', 12)).toEqual(['see example.', 'org/a/very/l', 'ong/path']);
    expect(wrapText('see https://example.org/a/very/long/path', 12)).toEqual([
      'see',
      'https://example.org/a/very/long/path',
    ]);
    expect(wrapText('全虚拟化不需要修改客户机', 8)).toEqual(['全虚拟化', '不需要修', '改客户机']);
  });
});
