/** `npm run man`: regenerates man/virt.1 from the command definitions (a test checks it is current). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { currentManPage } from '../cli/man.js';
import { packageRoot } from '../content/paths.js';

const root = packageRoot();
const { version, releaseDate } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  version: string;
  releaseDate: string;
};
await mkdir(join(root, 'man'), { recursive: true });
await writeFile(join(root, 'man', 'virt.1'), currentManPage(version, releaseDate));
process.stdout.write('wrote man/virt.1\n');
