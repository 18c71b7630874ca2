import { readFileSync } from 'node:fs';
import { packageRoot } from '../content/paths.js';
import { processIo } from './io.js';
import { main } from './main.js';

// The bundle has the version built in; running the sources with tsx reads it from package.json.
declare const VIRT_VERSION: string | undefined;

export const version = (): string =>
  typeof VIRT_VERSION === 'string' ? VIRT_VERSION : (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;

/** Runs virt on the real terminal with the process's arguments and sets the exit status. */
export function run(argv: string[] = process.argv.slice(2)): void {
  void main(argv, processIo(), version()).then((code) => {
    process.exitCode = code;
  });
}
