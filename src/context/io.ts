import type { Prompts } from '../prompts/prompts.js';

/** Everything the CLI touches of the outside world, so tests can run it in memory. */
export interface Io {
  stdout: { write(text: string): void; isTTY: boolean; columns?: number; rows?: number };
  stderr: { write(text: string): void; isTTY: boolean };
  stdinIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** Shows long text through a pager when that makes sense; returns false to have it written directly. */
  page?: (text: string, env: Record<string, string | undefined>, always: boolean) => Promise<boolean>;
  /** The interactive questions; defaults to inquirer on the real terminal. */
  prompts?: Prompts;
  /** The time in milliseconds since 1970, for the quiz's schedule; Date.now unless a test fixes it. */
  now?: () => number;
  /** A number in [0, 1), for the order a quiz's choices are shown in; Math.random unless a test fixes it. */
  random?: () => number;
}
