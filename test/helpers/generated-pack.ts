import { join } from 'node:path';
import type { SourceFile } from '../../src/content/build-guide.js';
import { generatedTopics as generated, writeGeneratedPack as write } from '../../src/tools/generate-pack.js';
import { makeTemporaryFolder } from './pack.js';

/** Generated topics as the loader's source files, marked as coming from the pack "generated". */
export const generatedTopics = (count: number): SourceFile[] =>
  generated(count).map((file) => ({ ...file, pack: 'generated' }));

/** Writes generated topics into a fresh pack folder named "generated" (removed after the test file) and returns its path. */
export const writeGeneratedPack = (count: number): string =>
  write(join(makeTemporaryFolder('virt-gen-'), 'generated'), count);
