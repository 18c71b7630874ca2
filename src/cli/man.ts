import { describeProgram } from './command-spec.js';
import type { Io } from './io.js';
import { createProgram } from './program.js';
import { renderManPage } from '../render/man-page.js';

/**
 * The man page for this version of the command definitions, dated with the release date in package.json:
 * a fixed date, so the page does not change (and its freshness test does not fail) from one day to the next.
 */
export function currentManPage(version: string, releaseDate: string): string {
  const silent: Io = {
    stdout: { write: () => {}, isTTY: false },
    stderr: { write: () => {}, isTTY: false },
    stdinIsTTY: false,
    env: {},
  };
  return renderManPage(describeProgram(createProgram(silent, version)), version, releaseDate);
}
