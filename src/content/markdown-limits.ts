/**
 * Fixed limits on a topic file's Markdown. A pack may come from anyone, and some short inputs make Markdown
 * parsers work for a very long time (thousands of unclosed `*` or `[` in one paragraph, quotes nested
 * thousands deep). Limits on what the text holds, not a timer, so a file is accepted or refused the same
 * way on every machine; each is far above what a topic needs. `npm run bench` times the worst inputs.
 */

/** Largest topic file, in bytes; checked before the file is read. The largest built-in topic is under 8 KB. */
export const MAX_TOPIC_BYTES = 128 * 1024;

/** Deepest nesting of block quotes and lists, counted together (a list in a quote is two levels). */
export const MAX_NESTING = 16;

/**
 * Most delimiter runs in one paragraph, heading or list item: runs of `*`, `_`, `~` or `` ` `` and each
 * `[` or `]`. The cost of matching emphasis, code spans and links grows with these.
 */
export const MAX_DELIMITER_RUNS = 1000;

/** A limit a topic's Markdown goes over; `line` is 1-based within the Markdown. */
export class MarkdownLimitError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'MarkdownLimitError';
  }
}

/** Kibibytes or mebibytes, the way limits are written in messages and the README. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The delimiter runs in text that inline parsing will see (see MAX_DELIMITER_RUNS). */
export function countDelimiterRuns(text: string): number {
  let runs = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    switch (code) {
      case 0x5b: // [
      case 0x5d: // ]
        runs++;
        break;
      case 0x2a: // *
      case 0x5f: // _
      case 0x7e: // ~
      case 0x60: // `
        if (code !== previous) runs++;
        break;
      case 0x5c: // a backslash escapes the next character, which then starts no run
        i++;
        previous = -1;
        continue;
    }
    previous = code;
  }
  return runs;
}
