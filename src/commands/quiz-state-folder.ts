import type { Context } from '../context/context.js';
import { EXIT, VirtError } from '../errors.js';
import { openStateFolder } from '../store/state-folder.js';

/**
 * The folder of the quiz's state file. `create` makes it for a quiz about to save answers; without it, a
 * folder not made yet is undefined (nothing saved yet). One that cannot be used stops the command: answers
 * that could not be saved would be lost, and a folder others can change could hold a schedule they wrote.
 */
export function quizStateFolder(ctx: Context, create: boolean): string | undefined {
  const folder = openStateFolder(ctx.io.env, { create });
  if (folder.usable) return folder.path;
  if (folder.missing) return undefined;
  throw new VirtError(
    `cannot keep quiz answers${folder.path ? ` in ${folder.path}` : ''}: ${folder.reason}; set VIRT_STATE_DIR to a folder of your own`,
    EXIT.usage,
  );
}
