import { LineCounter, parseDocument, isMap, type Document } from 'yaml';

/** A file split into its YAML metadata and its Markdown body, with the line each starts on. */
interface SplitFile {
  document: Document;
  lineCounter: LineCounter;
  /** 1-based line of the first metadata line (the one after the opening `---`). */
  metadataLine: number;
  body: string;
  bodyLine: number;
}

export type SplitResult = { ok: true; value: SplitFile } | { ok: false; line: number; message: string };

const FENCE = /^---[ \t]*$/;

/** Splits `---\n<yaml>\n---\n<markdown>`; the YAML is parsed by the yaml library, never by hand. */
export function splitFrontMatter(source: string): SplitResult {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      line: 1,
      message: `expected a metadata block opening with "---" on the first line, found ${describeLine(lines[0])}`,
    };
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) {
    return {
      ok: false,
      line: 1,
      message: 'expected a line "---" closing the metadata block, found the end of the file',
    };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(lines.slice(1, close).join('\n'), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const yamlError = document.errors[0];
  if (yamlError) {
    const at = lineCounter.linePos(yamlError.pos[0]);
    return { ok: false, line: at.line + 1, message: `malformed metadata: ${firstLine(yamlError.message)}` };
  }
  if (!isMap(document.contents)) {
    return {
      ok: false,
      line: 2,
      message: 'expected the metadata to be a map of keys (id: …, title: …), found something else',
    };
  }
  return {
    ok: true,
    value: { document, lineCounter, metadataLine: 2, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 },
  };
}

function describeLine(line: string | undefined): string {
  if (line === undefined || line.trim() === '') return 'an empty line';
  return JSON.stringify(line.length > 40 ? `${line.slice(0, 40)}…` : line);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
