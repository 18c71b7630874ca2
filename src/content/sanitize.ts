/**
 * Content may come from packs written by others, so no control character from a file may reach a terminal:
 * escape sequences (CSI, OSC such as window titles or clipboard writes) are removed whole, tabs become spaces,
 * and any other C0/C1 control is dropped. Newlines survive only where the caller allows them.
 */
const ESCAPE_SEQUENCES =
  // OSC … BEL/ST, DCS/SOS/PM/APC … ST, CSI … final byte, and any other two-byte ESC sequence.
  /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[\s\S]?/g;
const CONTROLS_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

export function cleanText(text: string, options: { keepNewlines?: boolean } = {}): string {
  const cleaned = text
    .replace(ESCAPE_SEQUENCES, '')
    .replace(/\t/g, '    ')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS_EXCEPT_NEWLINE, '');
  return options.keepNewlines ? cleaned : cleaned.replace(/\n+/g, ' ');
}

/**
 * Invisible format characters (Unicode category Cf): bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), bidi marks, zero-width spaces and joiners (U+200B–U+200D), the word
 * joiner (U+2060), the byte order mark (U+FEFF), tag characters. In a name they only serve to make two names
 * look alike (an alias `kvm` + U+200B beside the built-in `kvm`) or to show a name in another order than it
 * is stored.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** cleanText for names (ids, titles, aliases, tags, attribute keys, links to topics): no format characters either. */
export function cleanName(text: string): string {
  return cleanText(text).replace(FORMAT_CHARACTERS, '').trim();
}

/** Bidi embeddings, overrides and isolates: one left open reorders whatever follows it on the line. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * cleanText for the other one-line fields (summaries, attribute values, sources), which share a line with
 * other output (a table cell, a column of `virt list`): no bidi controls either. Zero-width joiners stay,
 * as emoji are made with them.
 */
export function cleanLine(text: string): string {
  return cleanText(text).replace(BIDI_CONTROLS, '');
}

/**
 * Keys that name a built-in of every JavaScript object: as a key of a plain object, `__proto__` replaces
 * its prototype (so it vanishes), and the others answer lookups that were never written.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
