import { rmSync } from 'node:fs';

/** Removes the run's cache folder made by global-setup.ts. */
export default function removeTemporaryCache(): void {
  const folder = process.env.VIRT_CACHE_DIR;
  if (folder?.includes('virt-test-cache-')) rmSync(folder, { recursive: true, force: true });
}
