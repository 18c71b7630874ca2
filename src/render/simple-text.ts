/**
 * The fast path of render/text.ts: wrap-ansi's algorithm (hard breaks, word wrap, trimmed lines, styles
 * carried across lines) for simple text, where each character is one column and a grapheme cluster of its
 * own, so that string-width and wrap-ansi need not be loaded: loading them builds an Intl.Segmenter and
 * string-width's \p{RGI_Emoji} expression, which cost more than the rest of a page. test/render/text.test.ts
 * holds every function here to string-width and wrap-ansi, byte for byte.
 *
 * Simple text is made of printable ASCII, newlines, the one-column punctuation below (what virt draws with
 * and what the guide is written in), and SGR escape codes with one parameter, as chalk writes them.
 */
const ONE_COLUMN = '•│─├└›—–…‘’“”×\ue000\ue001\ue002';
const SIMPLE = new RegExp(`^(?:[\\x20-\\x7e\\n${ONE_COLUMN}]|\\u001b\\[\\d{1,3}m)*$`);
const ESCAPE = /\u001b\[(\d{1,3})m/g;
const ESCAPE_OR_NEWLINE = /\u001b\[(\d{1,3})m|\n/g;

/** SGR codes that open a style, each with the code that closes it (the table of ansi-styles, as wrap-ansi uses). */
const CLOSE_OF = new Map<number, number>([
  [1, 22],
  [2, 22],
  [3, 23],
  [4, 24],
  [53, 55],
  [7, 27],
  [8, 28],
  [9, 29],
]);
const MODIFIER_CLOSES = new Set([22, 23, 24, 55, 27, 28, 29, 39, 49]);
const isForeground = (code: number) => (code >= 30 && code <= 37) || (code >= 90 && code <= 97);
const isBackground = (code: number) => (code >= 40 && code <= 47) || (code >= 100 && code <= 107);

export function isSimpleText(text: string): boolean {
  return SIMPLE.test(text);
}

/** Columns of simple text: its characters less escape codes and newlines. */
export function simpleTextWidth(text: string): number {
  return text.replace(ESCAPE, '').replaceAll('\n', '').length;
}

/** Wraps one line of simple text to `columns`. */
export function wrapSimpleLine(line: string, columns: number): string[] {
  if (line.trim() === '') return [''];
  const rows = [''];
  let rowWidth = 0;
  splitWords(line).forEach((word, index) => {
    if (index > 0 && rowWidth > 0) {
      rows[rows.length - 1] += ' ';
      rowWidth++;
    }
    if (word.width > columns) {
      // A word wider than a line starts on this line only when that does not take an extra line.
      const breaksStartingHere = 1 + Math.floor((word.width - (columns - rowWidth) - 1) / columns);
      const breaksStartingNext = Math.floor((word.width - 1) / columns);
      if (breaksStartingNext < breaksStartingHere) {
        rows.push('');
        rowWidth = 0;
      }
      rowWidth = cutWord(rows, word.value, columns, rowWidth);
      return;
    }
    if (rowWidth + word.width > columns && rowWidth > 0 && word.width > 0) {
      rows.push('');
      rowWidth = 0;
    }
    rows[rows.length - 1] += word.value;
    rowWidth += word.width;
  });
  return carryStyles(rows.map(trimSpacesRight));
}

/** Words between spaces; an escape code belongs to the word it is in or that it starts. */
function splitWords(line: string): { value: string; width: number }[] {
  const words = [{ value: '', width: 0 }];
  for (const part of pieces(line)) {
    if (part.escape) {
      words[words.length - 1]!.value += part.text;
      continue;
    }
    part.text.split(' ').forEach((text, index) => {
      if (index > 0) words.push({ value: '', width: 0 });
      const word = words[words.length - 1]!;
      word.value += text;
      word.width += text.length;
    });
  }
  return words;
}

/** Puts a word on the rows a character at a time, starting a row whenever one is full; returns the last row's width. */
function cutWord(rows: string[], word: string, columns: number, rowWidth: number): number {
  const tokens = pieces(word).flatMap((part) => (part.escape ? [part.text] : [...part.text]));
  const visible = (token: string) => (token.startsWith('\u001b') ? 0 : 1);
  let width = rowWidth;
  tokens.forEach((token, index) => {
    if (visible(token) > 0 && width > 0 && width + 1 > columns) {
      rows.push('');
      width = 0;
    }
    rows[rows.length - 1] += token;
    width += visible(token);
    if (width === columns && index < tokens.length - 1) {
      rows.push('');
      width = 0;
    }
  });
  // A row left holding only escape codes goes back onto the row before.
  const last = rows.pop() ?? '';
  if (width === 0 && last !== '' && rows.length > 0) rows[rows.length - 1] += last;
  else rows.push(last);
  return simpleTextWidth(rows.at(-1) ?? '');
}

/** Drops the spaces after a row's last visible character, keeping the escape codes among them. */
function trimSpacesRight(row: string): string {
  if (!row.includes(' ')) return row;
  const parts = pieces(row);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (part.escape) continue;
    part.text = part.text.replace(/ +$/, '');
    if (part.text !== '') break;
  }
  return parts.map((part) => part.text).join('');
}

/** Closes the styles open at the end of each row, and opens them again at the start of the next. */
function carryStyles(rows: string[]): string[] {
  if (rows.length === 1) return rows;
  const active: { family: string; open: number; close: number }[] = [];
  const text = rows.join('\n');
  let out = '';
  let copied = 0;
  for (const match of text.matchAll(ESCAPE_OR_NEWLINE)) {
    const at = match.index;
    if (match[1] !== undefined) {
      applyCode(Number(match[1]), active);
      continue;
    }
    out += text.slice(copied, at);
    if (at > copied)
      out += [...active]
        .reverse()
        .map((style) => `\u001b[${style.close}m`)
        .join('');
    out += '\n';
    copied = at + 1;
    if (copied < text.length && text[copied] !== '\n') {
      const opening = [...active];
      for (const code of leadingCodes(text, copied)) applyCode(code, opening, true);
      out += opening.map((style) => `\u001b[${style.open}m`).join('');
    }
  }
  return (out + text.slice(copied)).split('\n');
}

/** What an SGR code does to the open styles; with `closeOnly`, only the codes that close something count. */
function applyCode(code: number, active: { family: string; open: number; close: number }[], closeOnly = false): void {
  const remove = (keep: (style: { family: string; close: number }) => boolean) => {
    const kept = active.filter(keep);
    active.splice(0, active.length, ...kept);
  };
  if (code === 0) return remove(() => false);
  if (code === 39) return remove((style) => style.family !== 'foreground');
  if (code === 49) return remove((style) => style.family !== 'background');
  if (MODIFIER_CLOSES.has(code))
    return remove((style) => !(style.family.startsWith('modifier-') && style.close === code));
  if (closeOnly) return;
  const family = isForeground(code)
    ? 'foreground'
    : isBackground(code)
      ? 'background'
      : CLOSE_OF.has(code)
        ? `modifier-${code}`
        : undefined;
  if (family === undefined) return;
  remove((style) => style.family !== family);
  active.push({
    family,
    open: code,
    close: family === 'foreground' ? 39 : family === 'background' ? 49 : CLOSE_OF.get(code)!,
  });
}

/** The SGR codes that a row starts with, before its first character. */
function leadingCodes(text: string, from: number): number[] {
  const codes: number[] = [];
  const escape = /\u001b\[(\d{1,3})m/y;
  escape.lastIndex = from;
  for (let match = escape.exec(text); match; match = escape.exec(text)) codes.push(Number(match[1]));
  return codes;
}

/** Simple text as alternating runs of characters and escape codes. */
function pieces(text: string): { text: string; escape: boolean }[] {
  const parts: { text: string; escape: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(ESCAPE)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), escape: false });
    parts.push({ text: match[0], escape: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), escape: false });
  return parts;
}
