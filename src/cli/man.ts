import { describeProgram } from './command-spec.js';
import type { Io } from './io.js';
import { createProgram } from './program.js';
import { renderManPage } from '../render/man-page.js';

/** The man page for this version of the command definitions. */
export function currentManPage(version: string): string {
  const silent: Io = {
    stdout: { write: () => {}, isTTY: false },
    stderr: { write: () => {}, isTTY: false },
    stdinIsTTY: false,
    env: {},
  };
  return renderManPage(describeProgram(createProgram(silent, version)), version);
}
