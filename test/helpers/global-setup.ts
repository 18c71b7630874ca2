import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Everything a test run writes in temporary folders goes into one folder of its own, removed whole by
 * global-teardown.ts however the tests ended: TMPDIR points there, so os.tmpdir() in the test files and in
 * every process they start (virt, npm, tar) names it. Commands that tests start keep their caches there
 * too, never in the cache of the person running the tests, and their quiz state (VIRT_STATE_DIR) likewise. Set here, before jest starts its workers,
 * because a test file's process.env is a copy that child processes do not see.
 */
export default function useTemporaryFolder(): void {
  const run = mkdtempSync(join(tmpdir(), 'virt-test-run-'));
  process.env.TMPDIR = run;
  process.env.VIRT_CACHE_DIR = join(run, 'cache');
  process.env.VIRT_STATE_DIR = join(run, 'state');
}
