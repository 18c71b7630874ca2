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

/** True when a string would reach the terminal unchanged by cleanText. */
export function isClean(text: string): boolean {
  return cleanText(text, { keepNewlines: true }) === text;
}
