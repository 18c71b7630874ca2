/**
 * JSON with every character past ASCII written as a \u escape. One such character makes Node read the whole
 * file into a two-byte string and parse it on V8's slower path; escaped, the file stays one-byte. Used for
 * what virt writes to be read at startup: the compiled guide and the cache files.
 */
export const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
