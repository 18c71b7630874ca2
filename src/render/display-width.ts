import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Characters that each make a grapheme cluster of their own next to any other character of this set, and
 * that are never emoji, marks, controls or Hangul jamo: printable ASCII and Latin-1 (less the soft hyphen),
 * the Latin, Greek and Cyrillic letters, punctuation such as — ’ “ • › …, box drawing, and the common CJK
 * ideographs, kana, Hangul syllables and full-width forms. Emoji-presentation characters among them
 * (‼ ⁉ ™ ℹ ↔… 〰 〽) are left out on purpose. The property test in test/render/display-width.test.ts holds
 * this list to string-width, character by character and in random mixtures.
 */
const SIMPLE_TEXT =
  /^[\x20-\x7E\xA0-\xAC\xAE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u203B\u203D-\u2048\u204A-\u205E\u20A0-\u20C0\u2190-\u2193\u2200-\u22FF\u2500-\u259F\u3001-\u3029\u3031-\u303C\u3041-\u3096\u30A1-\u30FA\u30FC-\u30FF\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFF60]*$/;
const ASCII = /^[\x20-\x7E]*$/;

/**
 * The columns `text` takes on screen when that follows from each character's East Asian Width alone (no
 * escape codes, no grapheme clusters, no emoji), or undefined when it takes string-width's full rules.
 * It answers with string-width's figures (ambiguous characters narrow) without its set-up cost: building
 * an Intl.Segmenter and its emoji expressions takes Node 30 ms or more, which is most of a rich page's time.
 */
export function simpleDisplayWidth(text: string): number | undefined {
  if (ASCII.test(text)) return text.length;
  if (!SIMPLE_TEXT.test(text)) return undefined;
  let width = 0;
  for (let i = 0; i < text.length; i++) width += eastAsianWidth(text.charCodeAt(i));
  return width;
}
