import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Commands that tests start with the inherited environment keep their pack caches in a folder of the run's
 * own (removed by global-teardown.ts), never in the cache of the person running the tests. Set here,
 * before jest starts its workers, because a test file's process.env is a copy that child processes do not see.
 */
export default function useTemporaryCache(): void {
  process.env.VIRT_CACHE_DIR = mkdtempSync(join(tmpdir(), 'virt-test-cache-'));
}
