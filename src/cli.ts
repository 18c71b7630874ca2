/** The process entry: wires the real terminal to main() and sets the exit status. Nothing else runs here. */
import { readFileSync } from 'node:fs';
import { main } from './cli/main.js';
import { processIo } from './cli/io.js';
import { packageRoot } from './content/paths.js';

// A reader that closes the pipe early (`virt list | head -1`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { version } = JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string };
process.exitCode = await main(process.argv.slice(2), processIo(), version);
