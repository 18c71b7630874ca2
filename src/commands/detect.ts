import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context/context.js';
import type { LiveProbe } from '../detect/live-probe.js';
import type { SystemView } from '../detect/system-view.js';
import { UsageError } from '../errors.js';
import { SCHEMA_VERSION } from '../render/json.js';

/** What `virt detect` reads the machine with; tests replace them. */
export interface DetectDeps {
  platform: string;
  view: (root: string) => SystemView;
  probe: (env: Record<string, string | undefined>) => LiveProbe;
}

/** `virt detect [--root DIR]`: every layer this machine (or a captured one) runs in, with the evidence. */
export async function runDetect(
  ctx: Context,
  options: { root?: string },
  deps: Partial<DetectDeps> = {},
): Promise<void> {
  const root = options.root === undefined ? undefined : checkedRoot(options.root);
  // The detection code is a bundle of its own: no other command pays for loading it.
  const detect = await import('../lazy/detect.js');
  const { platform, view, probe } = {
    platform: process.platform,
    view: detect.fileSystemView,
    probe: detect.processProbe,
    ...deps,
  };
  const note = root === undefined ? detect.otherPlatformNote(platform) : undefined;
  if (note !== undefined) {
    if (ctx.out.mode === 'json')
      ctx.write(
        `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, root: null, platform, note, vm: null, container: null, containers: [], kvm: { usable: false, checks: [] } }, null, 2)}\n`,
      );
    else ctx.write(`${note}\n`);
    return;
  }
  const report = detect.detectSystem(view(root ?? '/'), root === undefined ? probe(ctx.io.env) : undefined);
  if (ctx.out.mode === 'json') ctx.write(`${JSON.stringify(detect.detectJson(report), null, 2)}\n`);
  else if (ctx.out.mode === 'plain') ctx.write(detect.renderDetectPlain(report));
  else await ctx.show(detect.renderDetectRich(report, await ctx.theme(), ctx.out.readingWidth));
}

/** The folder --root names, made absolute; a usage error unless it looks like the top of a system. */
function checkedRoot(given: string): string {
  if (given.trim() === '')
    throw new UsageError('--root needs a folder, for example `virt detect --root ./captured-system`');
  const root = resolve(given);
  let isFolder: boolean;
  try {
    isFolder = statSync(root).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `--root: "${given}" does not exist; give the folder that holds a captured system's proc/ and sys/`
        : `--root: "${given}" cannot be read (${code ?? 'error'})`,
    );
  }
  if (!isFolder) throw new UsageError(`--root: "${given}" is not a folder; give the top of a captured system`);
  const has = (name: string) => {
    try {
      return statSync(resolve(root, name), { throwIfNoEntry: false })?.isDirectory() === true;
    } catch {
      return false;
    }
  };
  if (!has('proc') && !has('sys'))
    throw new UsageError(`--root: "${given}" has neither proc/ nor sys/; give the top of a captured system`);
  return root;
}
