import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface RunOptions {
  tty?: boolean;
  stdinTTY?: boolean;
  columns?: number;
  rows?: number;
  env?: Record<string, string | undefined>;
  page?: Io['page'];
  prompts?: Io['prompts'];
  now?: Io['now'];
  random?: Io['random'];
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs virt in-process against in-memory streams, as a terminal (tty) or a pipe (the default). */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: {
      write: (text) => void (stdout += text),
      isTTY: options.tty ?? false,
      ...(options.columns ? { columns: options.columns } : {}),
      ...(options.rows ? { rows: options.rows } : {}),
    },
    stderr: { write: (text) => void (stderr += text), isTTY: options.tty ?? false },
    stdinIsTTY: options.stdinTTY ?? options.tty ?? false,
    env: { LANG: 'en_US.UTF-8', ...options.env },
    ...(options.page ? { page: options.page } : {}),
    ...(options.prompts ? { prompts: options.prompts } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.random ? { random: options.random } : {}),
  };
  const code = await main(argv, io, '0.0.0-test');
  return { code, stdout, stderr };
}

export const ANSI = /\u001b\[/;

/**
 * Output less the escapes virt itself writes in rich mode: SGR colours, and OSC 8 hyperlinks on source
 * titles whose address is http(s) with no control character in it. Whatever is left is not virt's.
 */
export function withoutOwnEscapes(text: string): string {
  return text
    .replace(/\u001b\]8;;(?:https?:\/\/[^\u0000-\u001f\u007f-\u009f]*)?\u0007/g, '')
    .replace(/\u001b\[[0-9;]*m/g, '');
}
export const BOX_DRAWING = /[\u2500-\u257f]/;
