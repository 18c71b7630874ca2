/** The process entry: wires the real terminal to main() and sets the exit status. Nothing else runs here. */
import { readFileSync } from 'node:fs';
import { packageRoot } from './content/paths.js';
import { main } from './cli/main.js';
import { processIo } from './cli/io.js';

// The bundle has the version built in; running the sources with tsx reads it from package.json.
declare const VIRT_VERSION: string | undefined;
const version = typeof VIRT_VERSION === 'string' ? VIRT_VERSION : (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;

void main(process.argv.slice(2), processIo(), version).then((code) => {
  process.exitCode = code;
});
