import type { Context } from '../context/context.js';
import { EXIT, UsageError, VirtError } from '../errors.js';
import { cacheStatusJson, renderCacheStatus } from '../render/cache-status.js';
import { SCHEMA_VERSION } from '../render/json.js';
import { cacheStatus, clearCacheFolder } from '../store/cache-status.js';

/** `virt cache`: where virt caches, whether it may, and how much; `virt cache clear` removes what virt wrote. */
export async function runCache(ctx: Context, action: string | undefined): Promise<void> {
  if (action === undefined) {
    const status = cacheStatus(ctx.io.env);
    if (ctx.out.mode === 'json') ctx.write(`${JSON.stringify(cacheStatusJson(status), null, 2)}\n`);
    else ctx.write(renderCacheStatus(status, ctx.out.mode === 'plain'));
    return;
  }
  if (action !== 'clear')
    throw new UsageError(`unknown cache action "${action}"; use \`virt cache\` or \`virt cache clear\``);
  const cleared = clearCacheFolder(ctx.io.env);
  if (cleared.refused) throw new VirtError(`left ${cleared.folder} alone: ${cleared.refused}`, EXIT.usage);
  if (ctx.out.mode === 'json') {
    ctx.write(
      `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, folder: cleared.folder ?? null, removed: cleared.removed }, null, 2)}\n`,
    );
  } else {
    ctx.note(
      `virt: removed ${cleared.removed} cache entr${cleared.removed === 1 ? 'y' : 'ies'} from ${cleared.folder ?? '(no cache folder)'}`,
    );
  }
}
