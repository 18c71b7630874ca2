import { rmSync } from 'node:fs';

/** Removes the run's temporary folder made by global-setup.ts, with all the tests left in it. */
export default function removeTemporaryFolder(): void {
  const folder = process.env.TMPDIR;
  if (folder?.includes('virt-test-run-')) rmSync(folder, { recursive: true, force: true });
}
