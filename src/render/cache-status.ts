import type { CacheStatus } from '../store/cache-status.js';
import { SCHEMA_VERSION } from './json.js';

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `virt cache` as text: one `name<TAB>value` record per line when plain, sentences on a terminal. */
export function renderCacheStatus(status: CacheStatus, plain: boolean): string {
  const use = status.trusted ? 'yes' : `no: ${status.reason}`;
  if (plain) {
    return `folder\t${status.folder ?? '-'}\nin use\t${use}\nfiles\t${status.files}\nbytes\t${status.bytes}\n`;
  }
  return [
    `Cache folder: ${status.folder ?? '(none)'}`,
    status.trusted ? 'virt uses it.' : `virt does not use it: ${status.reason}.`,
    `It holds ${status.files} file${status.files === 1 ? '' : 's'} of virt's (${size(status.bytes)}).`,
    '',
  ].join('\n');
}

export const cacheStatusJson = (status: CacheStatus) => ({
  schemaVersion: SCHEMA_VERSION,
  folder: status.folder ?? null,
  trusted: status.trusted,
  ...(status.reason ? { reason: status.reason } : {}),
  files: status.files,
  bytes: status.bytes,
});
