import { readFileSync } from 'node:fs';
import { packageRoot } from '../content/paths.js';
import { nothingLeftToDo, processIo } from './io.js';
import { main } from './main.js';

// The bundle has the version built in; running the sources with tsx reads it from package.json.
declare const VIRT_VERSION: string | undefined;

export const version = (): string =>
  typeof VIRT_VERSION === 'string'
    ? VIRT_VERSION
    : (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;

/**
 * Runs virt on the real terminal with the process's arguments, and ends the process with its status.
 * Left to itself, Node waits before exiting for V8's background work, such as optimising functions that
 * will never run again. So once all output has left and
 * nothing else is under way, virt exits at once; otherwise it lets Node finish as usual.
 */
export function run(argv: string[] = process.argv.slice(2)): void {
  void main(argv, processIo(), version()).then((code) => {
    if (nothingLeftToDo()) process.exit(code);
    process.exitCode = code;
  });
}
