import { spawn, spawnSync } from 'node:child_process';

// -S: a code line or a diagram wider than the screen scrolls sideways rather than folding into another line.
const DEFAULT_PAGER = 'less -FRSX';

/**
 * The pager command: $PAGER as written, which the shell runs the way git runs it, so `less -R | cat` or
 * `"$HOME/bin/my pager"` work. Empty (or `cat`, which pages nothing) means none; unset means less where
 * it exists.
 */
export function pagerCommand(env: Record<string, string | undefined>): string | undefined {
  const command = (env.PAGER ?? DEFAULT_PAGER).trim();
  if (command === '' || command === 'cat') return undefined;
  if (env.PAGER === undefined && spawnSync('sh', ['-c', 'command -v less'], { stdio: 'ignore' }).status !== 0)
    return undefined;
  return command;
}

/**
 * Shows text through the pager when it is taller than the screen. Resolves false (so the caller prints
 * the text itself) when no pager applies, or when it could not start or failed: the shell exits 127 for
 * a command it cannot find, a pager exits non-zero on an error. Quitting the pager early is not an error.
 */
export function pageText(
  text: string,
  env: Record<string, string | undefined>,
  rows: number | undefined,
  always = false,
): Promise<boolean> {
  const height = text.split('\n').length - 1;
  const command = pagerCommand(env);
  if (!command || (!always && (!rows || height < rows))) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], {
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESS: env.LESS ?? '', ...env },
    });
    child.on('error', () => resolve(false));
    child.stdin.on('error', () => {
      /* the reader quit before the end (q in less), or never read: the exit status tells which */
    });
    // Ended by a signal (code null), the pager was stopped by the user, who has seen what they wanted.
    child.on('close', (code) => resolve(code === 0 || code === null));
    child.stdin.end(text);
  });
}
